import type { CliCommand } from "../command.js";
import { evalCommand } from "./eval.js";
import { fitCommand, matchCommand } from "./fit.js";
import { importFrameworkCommand, importOnetCommand } from "./import.js";
import {
  compareCommand,
  frameworksCommand,
  migrateCommand,
  profileCommand,
  searchCommand,
} from "./library.js";
import { auditCommand, forgetCommand, purgeCommand } from "./privacy.js";
import { gapsCommand, importPeopleCommand, successorsCommand } from "./succession.js";

/** Every command, in the order `--help` lists them. */
export const COMMANDS: CliCommand[] = [
  profileCommand,
  searchCommand,
  compareCommand,
  frameworksCommand,
  fitCommand,
  matchCommand,
  evalCommand,
  importFrameworkCommand,
  importOnetCommand,
  importPeopleCommand,
  successorsCommand,
  gapsCommand,
  auditCommand,
  purgeCommand,
  forgetCommand,
  migrateCommand,
];
