/**
 * The SPOT page registry and readers alone, for the benchmark page (not shipped): the same
 * code the content script runs on load, exposed as a global the benchmark calls.
 */
import { recognisePage } from '../../src/shared/pages/registry.ts';

(globalThis as unknown as { spotBenchRead: () => unknown }).spotBenchRead = () => recognisePage(document, location.href);
