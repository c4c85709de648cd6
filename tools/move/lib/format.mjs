// Formats Move sources with Prettier and Mysten's Move plugin, pinned in package-lock.json.
import { createRequire } from "node:module";
import * as prettier from "prettier";

const require = createRequire(import.meta.url);

/** The house settings for Move: the plugin's own defaults plus module labels and grouped imports. */
export const MOVE_PRETTIER_OPTIONS = {
  parser: "move",
  plugins: [require.resolve("@mysten/prettier-plugin-move")],
  printWidth: 100,
  tabWidth: 4,
  useModuleLabel: true,
  autoGroupImports: "module",
};

export function formatMove(source) {
  return prettier.format(source, MOVE_PRETTIER_OPTIONS);
}
