/** A font file, bundled by esbuild as its bytes in base64 (scripts/build.mjs: loader `.ttf: base64`). */
declare module '*.ttf' {
  const base64: string;
  export default base64;
}
