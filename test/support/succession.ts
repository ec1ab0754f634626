import { createLibraryRepository } from "../../src/adapters/db/library-repository.js";
import { createPeopleRepository } from "../../src/adapters/db/people-repository.js";
import type { FrameworkDefinition } from "../../src/domain/library.js";
import { importPeople } from "../../src/services/import-people.js";
import { Library } from "../../src/services/library.js";
import type { PeopleRepository } from "../../src/services/people-ports.js";
import type { TestDatabase } from "./database.js";
import { competency, profile } from "./frameworks.js";

/** The clock of every succession test: ratings in the fixtures are dated relative to it. */
export const NOW = new Date("2026-11-28T12:00:00Z");
export const clock = () => NOW;

const withLevels = (name: string) =>
  competency(name, "GENERAL", {
    indicators: {
      "1": `${name} at 1`,
      "2": `${name} at 2`,
      "3": `${name} at 3`,
      "4": `${name} at 4`,
      "5": `${name} at 5`,
    },
  });

/**
 * Team Lead's importances add up to 10 (Communication 5, essential; Planning 3; Budgeting 2), so each
 * point of importance is 10 % of the match. Project Manager needs only Planning 3; Developer only Coding 3.
 */
export function acmeFramework(): FrameworkDefinition {
  return {
    name: "acme",
    description: "Succession test framework",
    source: "",
    competencies: ["Communication", "Planning", "Budgeting", "Coding"].map(withLevels),
    profiles: [
      profile("Team Lead", [
        ["Communication", 4, 5, true],
        ["Planning", 3, 3],
        ["Budgeting", 2, 2],
      ]),
      profile("Project Manager", [["Planning", 3, 1]]),
      profile("Developer", [["Coding", 3, 1]]),
    ],
  };
}

/** Another framework with a job everyone matches: it must not count in acme's bench strength. */
export function otherFramework(): FrameworkDefinition {
  return {
    name: "other",
    description: "",
    source: "",
    competencies: [withLevels("Communication")],
    profiles: [profile("Anything", [["Communication", 1, 1]])],
  };
}

/**
 * Match to Team Lead, by hand:
 * - Lena holds the role (5, 5, 5).
 * - Xavier 4, 3, 2 → 5 + 3 + 2 = 100 %, ready now; also matches Project Manager: 2 jobs.
 * - Yasmin 3, 3, 2 → 3.75 + 3 + 2 = 88 %, essential gap: ready in 1–2 years; 2 jobs.
 * - Victor 4, 2, 1 → 5 + 2 + 1 = 80 %, ready now; Planning 2 of 3 is 67 % of Project Manager: 2 jobs.
 * - Zoe 4, 1 (a stale manager rating), – → 5 + 1 = 60 %, ready in 1–2 years; 1 job.
 * - Walter 2, 2, – → 2.5 + 2 = 45 %, not ready, off the bench.
 * - Dev: Coding only → 0 %.
 */
export const ACME_PEOPLE_CSV = `email,name,slack_user_id,current_profile,framework,competency,level,source,rated_at
lena@example.com,Lena,ULENA,Team Lead,acme,Communication,5,manager,2026-10-01
lena@example.com,Lena,ULENA,Team Lead,acme,Planning,5,manager,2026-10-01
lena@example.com,Lena,ULENA,Team Lead,acme,Budgeting,5,manager,2026-10-01
xavier@example.com,Xavier,UXAVIER,Project Manager,acme,Communication,4,manager,2026-09-01
xavier@example.com,Xavier,,,acme,Communication,5,self,2026-09-02
xavier@example.com,Xavier,,,acme,Planning,3,manager,2026-09-01
xavier@example.com,Xavier,,,acme,Budgeting,2,assessment,2026-03-01
yasmin@example.com,Yasmin,,Developer,acme,Communication,3,manager,2026-08-15
yasmin@example.com,Yasmin,,,acme,Planning,3,manager,2026-08-15
yasmin@example.com,Yasmin,,,acme,Budgeting,2,manager,2026-08-15
victor@example.com,Victor,,,acme,Communication,4,manager,2026-07-01
victor@example.com,Victor,,,acme,Planning,2,manager,2026-07-01
victor@example.com,Victor,,,acme,Budgeting,1,manager,2026-07-01
zoe@example.com,Zoe,,,acme,Communication,4,manager,2026-11-01
zoe@example.com,Zoe,,,acme,Planning,1,manager,2025-07-16
walter@example.com,Walter,,,acme,Communication,2,self,2026-11-20
walter@example.com,Walter,,,acme,Planning,2,self,2026-11-20
dev@example.com,Dev,,Developer,acme,Coding,5,manager,2026-11-01
`;

export type SuccessionFixture = { people: PeopleRepository; library: Library };

/** Stores both frameworks, gives Team Lead two positions and imports the people above. */
export async function seedSuccession(database: TestDatabase): Promise<SuccessionFixture> {
  const libraryRepository = createLibraryRepository(database.prisma);
  await libraryRepository.saveFramework(acmeFramework());
  await libraryRepository.saveFramework(otherFramework());
  await database.prisma.jobProfile.updateMany({ where: { title: "Team Lead" }, data: { positions: 2 } });
  const people = createPeopleRepository(database.prisma);
  await importPeople({ people, clock }, { name: "acme.csv", text: ACME_PEOPLE_CSV, format: "csv" });
  return { people, library: new Library(await libraryRepository.loadProfiles()) };
}

export function profileId(library: Library, title: string): number {
  const found = library.profiles.find((profile) => profile.title === title);
  if (!found) throw new Error(`no profile ${title}`);
  return found.id;
}
