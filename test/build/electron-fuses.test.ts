// The installers' Electron fuses, set by electron-builder's own `electronFuses` step with
// @electron/fuses. No Electron binary can be downloaded here, so the step runs on a stand-in
// file carrying Electron's fuse wire (sentinel, version, length, one byte per fuse) as
// Electron 45 ships it; the real binary is flipped by the same code at packaging time.
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { PlatformPackager } from 'app-builder-lib';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire, type FuseConfig } from '@electron/fuses';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLED = 49;
const DISABLED = 48;

/** Electron's defaults: RunAsNode, NodeOptions, inspect arguments and file:// privileges on. */
const ELECTRON_DEFAULTS = [ENABLED, DISABLED, ENABLED, ENABLED, DISABLED, DISABLED, DISABLED, ENABLED];

function standInBinary(): string {
  const file = path.join(tempDir(), 'electron');
  const wire = Buffer.from([Number(FuseVersion.V1), ELECTRON_DEFAULTS.length, ...ELECTRON_DEFAULTS]);
  fs.writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 0x90)]));
  return file;
}

describe('Electron fuses in the installers', () => {
  it('turn off running as Node, NODE_OPTIONS and the inspector; turn on cookie encryption and ASAR integrity', async () => {
    const config = await getConfig(ROOT, null, null);
    const fuses = config.electronFuses;
    expect(fuses).toBeTruthy();
    // electron-builder's own translation of the config, as it runs before signing.
    const generate = (PlatformPackager.prototype as unknown as { generateFuseConfig(f: unknown): Promise<FuseConfig> }).generateFuseConfig;
    const fuseConfig = await generate.call(undefined, fuses);
    const binary = standInBinary();
    await flipFuses(binary, fuseConfig);
    const wire = await getCurrentFuseWire(binary);
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      // Kept: the window loads the app's own files over file://, module scripts included.
      fileProtocolPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      runAsNode: DISABLED, nodeOptions: DISABLED, inspectArguments: DISABLED,
      cookieEncryption: ENABLED, asarIntegrity: ENABLED, onlyFromAsar: ENABLED, fileProtocolPrivileges: ENABLED,
    });
    // The app is packed into an asar (electron-builder's default), so onlyLoadAppFromAsar finds it.
    expect(config.asar).not.toBe(false);
  });
});
