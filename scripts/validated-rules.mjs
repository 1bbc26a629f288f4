#!/usr/bin/env node
// A step of the build: validates the built-in rule files in patterns/ and writes what zod
// gave back, with the text of each file, to dist/rules/validated.json. A run then
// takes a file from there while its bytes are unchanged, and does not load zod at all.
import { recordValidated } from '../dist/rules/load.js';

recordValidated();
