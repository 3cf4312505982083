// The debater's preferences, kept in the library's settings table. Each field has a default,
// so a library that never saved one reads the same as a fresh one.
import { z } from 'zod';
import { DEFAULT_HIGHLIGHT, HIGHLIGHT_COLOURS, type HighlightColour } from './schema.js';
import { DEFAULT_WPM } from './word-counts.js';

export interface Settings {
  /** The colour F11 highlights in. */
  highlightColour: HighlightColour;
  /** Speaking speed for reading times. */
  wpm: number;
  /** Key overrides by command id (keymap.ts); a command not listed keeps its default keys. */
  keys: Record<string, string[]>;
}

export const DEFAULT_SETTINGS: Settings = { highlightColour: DEFAULT_HIGHLIGHT, wpm: DEFAULT_WPM, keys: {} };

export const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** What setSettings accepts: any subset of the settings, each checked. */
export const settingsPatch = z.object({
  highlightColour: z.enum(HIGHLIGHT_COLOURS).optional(),
  wpm: z.number().int().min(50).max(1000).optional(),
  keys: z.record(z.string().max(50), z.array(z.string().min(1).max(40)).max(4)).optional(),
}).strict();

export type SettingsPatch = z.output<typeof settingsPatch>;

/** The settings from stored values, falling back to defaults for missing or invalid ones. */
export function readSettings(stored: (name: keyof Settings) => unknown): Settings {
  const out = { ...DEFAULT_SETTINGS };
  for (const name of SETTING_NAMES) {
    const parsed = settingsPatch.shape[name].safeParse(stored(name));
    if (parsed.success && parsed.data !== undefined) Object.assign(out, { [name]: parsed.data });
  }
  return out;
}
