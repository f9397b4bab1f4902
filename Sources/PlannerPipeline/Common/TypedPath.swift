import Foundation

/// A path as the user gave it, and the file or folder it names.
///
/// The typed form is kept for messages and manifests, so that a problem names the path as the user wrote it and
/// a manifest records the dataset as it was given (`Inputs/soc-trang-2023`, not an absolute path).
public struct TypedPath: Sendable, Hashable {
    public var path: String
    public var url: URL

    /// `path` resolved against `folder` when relative (the command line passes its working directory).
    public init(_ path: String, relativeTo folder: URL) {
        self.path = path
        url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: folder.path, isDirectory: true))
    }
}
