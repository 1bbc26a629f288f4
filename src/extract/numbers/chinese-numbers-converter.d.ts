declare module 'chinese-numbers-converter' {
  export default class ChineseNumber {
    constructor(source: string);
    toInteger(): number;
    toArabicString(minChars?: number): string;
  }
}
