import type { CliCommand } from "../command.js";
import { importFrameworkCommand, importOnetCommand } from "./import.js";
import { gapsCommand, importPeopleCommand, successorsCommand } from "./succession.js";
import {
  compareCommand,
  frameworksCommand,
  migrateCommand,
  profileCommand,
  searchCommand,
} from "./library.js";

/** Every command, in the order `--help` lists them. */
export const COMMANDS: CliCommand[] = [
  profileCommand,
  searchCommand,
  compareCommand,
  frameworksCommand,
  importFrameworkCommand,
  importOnetCommand,
  importPeopleCommand,
  successorsCommand,
  gapsCommand,
  migrateCommand,
];
