import Foundation
import ZIPFoundation

/// Zip archives made in memory, for the tests of readers of exports that come zipped (Survey Solutions).
public enum ZipFixture {
    /// An archive holding `files` (path inside the zip, contents), deflated, in the order given.
    public static func archive(_ files: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for file in files {
            try archive.addEntry(with: file.path, type: .file, uncompressedSize: Int64(file.data.count),
                                 compressionMethod: .deflate) { position, size in
                file.data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// Every file of `folder` (not its subfolders) as the archive's top level, by name.
    public static func archive(folder: URL, replacing replaced: [String: Data] = [:],
                               leavingOut left: Set<String> = []) throws -> Data {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { !left.contains($0) }
        return try archive(names.map { ($0, try replaced[$0] ?? Data(contentsOf: folder.appendingPathComponent($0))) })
    }
}
