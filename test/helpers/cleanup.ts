// A vitest setup file: runs in every test file, so each file's folders go with it.
import { afterAll } from 'vitest';
import { removeScratch } from './scratch.js';

afterAll(removeScratch);
