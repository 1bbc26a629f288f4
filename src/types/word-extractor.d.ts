// word-extractor ships no types: the part of its API this project uses.
declare module 'word-extractor' {
  type Document = {
    getBody(): string;
    getFootnotes(): string;
    getEndnotes(): string;
    getTextboxes(options?: { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  };
  export default class WordExtractor {
    extract(input: string | Buffer): Promise<Document>;
  }
}
