// Types of card-rules.mjs (the rules themselves are only there).
export declare function luhn(digits: string): boolean;
export declare function cardBrand(digits: string): string | undefined;
export declare function fieldError(field: string, value: string, now: Date): string | undefined;
