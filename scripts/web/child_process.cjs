/* global exports */
// `child_process` in the browser build (dist/web/extension.js): a web worker starts no programs.
// Commit Notes and Protect Notes Repository are hidden there and say why before they would get here;
// should anything call it anyway, it fails as a missing program does, never silently.
exports.execFile = (file, args, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  const error = Object.assign(new Error(`${file} cannot be run in the browser.`), { code: 'ENOENT' });
  setTimeout(() => done?.(error, '', ''), 0);
};
