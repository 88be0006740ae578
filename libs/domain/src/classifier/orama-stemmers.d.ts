/**
 * @orama/stemmers publishes each language as a package `exports` subpath, which the workspace's node10 module
 * resolution does not read (Node, jest, webpack and esbuild do): these are the declarations the package ships
 * in dist/{ru,uk,en}.d.ts, named by their subpaths.
 */
declare module '@orama/stemmers/russian' {
  export function stemmer(word: string): string;
  export const language: string;
}
declare module '@orama/stemmers/ukrainian' {
  export function stemmer(word: string): string;
  export const language: string;
}
declare module '@orama/stemmers/english' {
  export function stemmer(word: string): string;
  export const language: string;
}
