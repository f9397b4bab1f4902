import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `rename` that never replaces: the name is taken atomically or the call fails with `EEXIST`.
///
/// Plain `rename(2)` silently replaces an empty folder, so a folder could only take a name by `mkdir` first and
/// `rename` over it — two steps, with an empty folder of the final name left behind by a run killed between
/// them. Linux's `renameat2(…, RENAME_NOREPLACE)` (3.15, glibc 2.28) is one step; Swift's Glibc module does not
/// declare it, so it is looked up by name. Where it is missing or the file system refuses the flag, the two
/// steps are the fallback.
enum NoReplaceRename {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32)
        -> Int32

    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// RENAME_NOREPLACE of `<linux/fs.h>`.
    private static let noReplace: UInt32 = 1

    /// Renames `source` to `target` unless `target` exists; false with `errno` set otherwise.
    static func rename(_ source: String, to target: String) -> Bool {
        if let renameat2 {
            if renameat2(AT_FDCWD, source, AT_FDCWD, target, noReplace) == 0 { return true }
            guard errno == EINVAL || errno == ENOSYS else { return false }
        }
        guard mkdir(target, 0o755) == 0 else { return false }
        guard Glibc.rename(source, target) == 0 else {
            let code = errno
            rmdir(target)
            errno = code
            return false
        }
        return true
    }
}
