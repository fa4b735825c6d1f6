// Rewrites every occurrence of the dev URL in the manifest to the production URL (not only the first).
// CommonJS: webpack.config.js requires it, and the tests import it.
const DEV_URL = "https://localhost:3000/";

function rewriteManifestUrls(text, prodUrl) {
  const target = prodUrl.endsWith("/") ? prodUrl : `${prodUrl}/`;
  if (!/^https:\/\//.test(target)) throw new Error(`The production URL must be https: ${prodUrl}`);
  return text.split(DEV_URL).join(target);
}

module.exports = { DEV_URL, rewriteManifestUrls };
