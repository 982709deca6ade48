/**
 * The index's binary files are published deflated (src/pure/search/index-format.ts). They are
 * inflated with fflate rather than the browser's DecompressionStream, which Safari lacks before
 * 16.4 and Chrome (for `deflate-raw`) before 103: one path for every reader, for 2 KiB of the UI.
 */
import { inflateSync } from 'fflate';

export const inflated = async (response: Response): Promise<Uint8Array> => inflateSync(new Uint8Array(await response.arrayBuffer()));
