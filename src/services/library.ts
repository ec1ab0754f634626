import { FitEngine } from "../domain/fit/index.js";
import type { JobProfile } from "../domain/library.js";
import { type LookupResult, TitleIndex, type TitleMatch } from "../domain/title-index.js";
import type { LibraryRepository } from "./ports.js";

/**
 * The whole profile library in memory: about a thousand profiles are small, and lookup, compare and
 * matching a candidate against every profile must answer in milliseconds.
 */
export class Library {
  private readonly byId: Map<number, JobProfile>;
  private readonly titles: TitleIndex;
  private engine: FitEngine | null = null;

  constructor(readonly profiles: JobProfile[]) {
    this.byId = new Map(profiles.map((profile) => [profile.id, profile]));
    this.titles = TitleIndex.build(
      profiles.map((profile) => ({
        profileId: profile.id,
        title: profile.title,
        alternateTitles: profile.alternateTitles,
        frameworkName: profile.frameworkName,
        family: profile.family,
      })),
    );
  }

  getProfile(id: number): JobProfile | undefined {
    return this.byId.get(id);
  }

  lookup(title: string, options?: { framework?: string }): LookupResult {
    return this.titles.lookup(title, options);
  }

  /** The candidate matcher's indexes over every profile, built on first use. */
  get fitEngine(): FitEngine {
    this.engine ??= new FitEngine(this.profiles);
    return this.engine;
  }

  search(query: string, options?: { limit?: number; framework?: string; family?: string }): TitleMatch[] {
    return this.titles.search(query, options);
  }
}

/** Holds the current Library and rebuilds it from the store after an import changes the profiles. */
export class LibraryProvider {
  private current: Promise<Library> | null = null;

  constructor(private readonly repository: LibraryRepository) {}

  get(): Promise<Library> {
    this.current ??= this.repository.loadProfiles().then((profiles) => new Library(profiles));
    return this.current;
  }

  reload(): Promise<Library> {
    this.current = null;
    return this.get();
  }
}
