// The `stopword` package ships no types: only the lists Grace reads.
declare module "stopword" {
  export const eng: string[];
  export const spa: string[];
  export const fra: string[];
  export const deu: string[];
  export const rus: string[];
  export const ara: string[];
  export const zho: string[];
  export const jpn: string[];
  export const tha: string[];
}
