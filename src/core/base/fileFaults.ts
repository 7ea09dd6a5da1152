import { msg } from './messages';

/**
 * Why a file could not be written, in plain words, from the error code the file system gave
 * (Node's `code`, or VS Code's `FileSystemError.code` mapped by the caller).
 */
export function writeFailure(code: string | undefined, path: string): string {
  switch (code) {
    case 'ENOSPC': case 'EDQUOT': case 'NoSpace': return msg('write.diskFull', path);
    case 'EROFS': return msg('write.readOnly', path);
    case 'ENAMETOOLONG': return msg('write.nameTooLong', path);
    case 'EACCES': case 'EPERM': case 'NoPermissions': return msg('write.noPermission', path);
    case 'ENOENT': case 'ENOTDIR': case 'FileNotFound': return msg('write.noFolder', path);
    default: return msg('write.failed', path, code ?? msg('error.unknown'));
  }
}

/** Why a listed file or folder could not be read, as a short reason (`path: reason`). */
export function readFailure(code: string | undefined): string {
  switch (code) {
    case 'ENOENT': case 'FileNotFound': return msg('skip.vanished');
    case 'EACCES': case 'EPERM': case 'NoPermissions': return msg('skip.noPermission');
    case 'EIO': return msg('skip.diskError');
    case 'ELOOP': return msg('skip.loop');
    // Not a regular file (a pipe, a device, a socket): what the sources say instead of opening it.
    case 'EFTYPE': return msg('skip.special');
    default: return msg('skip.failed', code ?? msg('error.unknown'));
  }
}
