export declare const DEV_URL: string;
export declare function rewriteManifestUrls(text: string, prodUrl: string): string;
