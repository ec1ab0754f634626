import { createAssessmentRepository } from "./adapters/db/assessment-repository.js";
import { type AuditRepository, createAuditRepository } from "./adapters/db/audit-repository.js";
import { type Database, openDatabase } from "./adapters/db/database.js";
import { createLibraryRepository } from "./adapters/db/library-repository.js";
import { migrate } from "./adapters/db/migrate.js";
import { createPeopleRepository } from "./adapters/db/people-repository.js";
import type { Config } from "./config.js";
import type { AssessmentRepository } from "./services/assessment-ports.js";
import { LibraryProvider } from "./services/library.js";
import { loadStarterLibrary, type StarterLoadProgress } from "./services/load-starter-library.js";
import type { PeopleRepository } from "./services/people-ports.js";
import type { LibraryRepository } from "./services/ports.js";

/** Everything the interfaces (Slack, console, command line) share: the store and the library. */
export type AppContext = {
  config: Config;
  database: Database;
  libraryRepository: LibraryRepository;
  library: LibraryProvider;
  peopleRepository: PeopleRepository;
  assessmentRepository: AssessmentRepository;
  auditRepository: AuditRepository;
  close(): Promise<void>;
};

export type OpenAppContextOptions = {
  /** Told about the first-start library load, which takes a while. */
  onStarterProgress?: (progress: StarterLoadProgress) => void;
};

/** Opens the store, applies pending migrations and loads the starter library into an empty store. */
export async function openAppContext(
  config: Config,
  options: OpenAppContextOptions = {},
): Promise<AppContext> {
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    const libraryRepository = createLibraryRepository(database.prisma);
    await loadStarterLibrary({ repository: libraryRepository, onProgress: options.onStarterProgress });
    return {
      config,
      database,
      libraryRepository,
      library: new LibraryProvider(libraryRepository),
      peopleRepository: createPeopleRepository(database.prisma),
      assessmentRepository: createAssessmentRepository(database.prisma),
      auditRepository: createAuditRepository(database.prisma),
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
