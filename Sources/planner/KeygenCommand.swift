import ArgumentParser
import PlannerPipeline

/// `planner keygen`: writes an Ed25519 key pair for signed plans.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write a key pair that signs plans (--sign-key) and checks them (verify --public-key).",
        discussion: """
            Writes the private key to FILE, readable by its owner only, and the public key to FILE.pub; neither \
            may exist. Each is one line of text (`planner-ed25519-private-key <base64>`); no other tool is \
            needed. Keep the private key with the office that issues plans; give the public key to whoever \
            checks them. Exits 73 when a file exists or cannot be created.
            """
    )

    @Argument(help: "The private key file to create; the public key goes to FILE.pub.")
    var file: String

    func run() throws {
        let written = try SigningKeys.generate(privateKey: WorkingDirectory.path(file))
        print("Private key: \(written.privateKey) (keep it secret; sign with --sign-key)")
        print("Public key: \(written.publicKey) (check with planner verify --public-key)")
    }
}
