import Crypto
import Foundation
import Tracker

// plantrack-checkpoint: signed checkpoints of the hash chain, run by `plantrack checkpoint` and
// `plantrack verify --checkpoint`, which pass their options through. A program of its own because
// swift-crypto links Foundation, which the command line keeps out of its start-up.
//
//   plantrack-checkpoint make --db PATH --key FILE [--output FILE]
//   plantrack-checkpoint public-key --key FILE
//   plantrack-checkpoint verify --db PATH --checkpoint FILE [--public-key KEY]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("plantrack: error: \(message)\n".utf8))
    exit(1)
}

func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// The Ed25519 key: 32 bytes, base64, one line, in a file only its owner can read. Made on
/// first use. It never goes into the database: whoever holds the data file must not hold the key.
func signingKey(at path: String, database: String?) throws -> Curve25519.Signing.PrivateKey {
    if let database, URL(fileURLWithPath: path).standardizedFileURL == URL(fileURLWithPath: database).standardizedFileURL {
        fail("--key \(path) is the database; keep the key in a file of its own, away from the data")
    }
    if !FileManager.default.fileExists(atPath: path) {
        let key = Curve25519.Signing.PrivateKey()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { fail("cannot create the key file \(path): \(String(cString: strerror(errno)))") }
        let text = key.rawRepresentation.base64EncodedString() + "\n"
        let written = text.withCString { write(descriptor, $0, strlen($0)) }
        guard written == text.utf8.count, fsync(descriptor) == 0, close(descriptor) == 0 else { fail("cannot write the key file \(path)") }
        FileHandle.standardError.write(Data("plantrack: made a new signing key in \(path) (keep it safe and private; publish its public half)\n".utf8))
        return key
    }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read the key file \(path)") }
    guard let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32,
          let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes)
    else { fail("\(path) is not a plantrack checkpoint key (one line: 32 bytes in base64)") }
    return key
}

func publicText(_ key: Curve25519.Signing.PublicKey) -> String { key.rawRepresentation.base64EncodedString() }

struct Options {
    var command = ""
    var database = "plantrack.db"
    var key: String?
    var output: String?
    var checkpoint: String?
    var publicKey: String?

    init(_ arguments: [String]) {
        var rest = arguments[...]
        command = rest.popFirst() ?? ""
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            switch flag {
            case "--db": database = value
            case "--key": key = value
            case "--output": output = value
            case "--checkpoint": checkpoint = value
            case "--public-key": publicKey = value
            default: fail("unknown option \(flag)")
            }
        }
    }
}

/// Signs the chain's state now; keeps the statement in the database and prints it (or writes it to `--output`).
func make(_ options: Options) throws {
    guard let keyPath = options.key else { fail("checkpoint: --key FILE is needed (made on first use)") }
    let key = try signingKey(at: keyPath, database: options.database)
    let tracker = try TrackerDatabase(path: options.database, access: .existing)
    let state = try tracker.chainState()
    let name = options.database.split(separator: "/").last.map(String.init) ?? options.database
    let body = (["plantrack checkpoint", "database: \(name)", "created: \(try tracker.utcNow())"] + state.lines
        + ["key: \(publicText(key.publicKey))"]).joined(separator: "\n") + "\n"
    let signature = try key.signature(for: Data(body.utf8))
    let statement = body + "signature: \(signature.base64EncodedString())\n"
    if let output = options.output {
        guard FileManager.default.createFile(atPath: output, contents: Data(statement.utf8)) else { fail("cannot write \(output)") }
    }
    try tracker.storeCheckpoint(statement, chainSeq: state.lastSeq)
    if options.output == nil { FileHandle.standardOutput.write(Data(statement.utf8)) }
}

/// The statement's problems: its form, its signature (by `publicKey` when given), then the database against it.
func checkpointProblems(_ text: String, publicKey: String?, tracker: TrackerDatabase) throws -> (problems: [String], summary: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.first == "plantrack checkpoint", let signatureIndex = lines.firstIndex(where: { $0.hasPrefix("signature: ") }),
          let keyLine = lines[..<signatureIndex].last, keyLine.hasPrefix("key: "), let state = ChainState(lines: Array(lines[..<signatureIndex]))
    else { return (["the file is not a plantrack checkpoint"], "") }
    let body = lines[..<signatureIndex].joined(separator: "\n") + "\n"
    let signedKey = String(keyLine.dropFirst("key: ".count))
    var problems: [String] = []
    if let publicKey, publicKey != signedKey {
        problems.append("the checkpoint is signed by key \(signedKey), not by \(publicKey)")
    }
    let signature = Data(base64Encoded: String(lines[signatureIndex].dropFirst("signature: ".count)))
    guard let keyBytes = Data(base64Encoded: signedKey), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes),
          let signature, key.isValidSignature(signature, for: Data(body.utf8))
    else { return (problems + ["the signature does not match the statement: the checkpoint was altered or forged"], "") }
    problems += try tracker.differences(from: state)
    let created = lines.first { $0.hasPrefix("created: ") }.map { $0.dropFirst("created: ".count) } ?? "?"
    let trust = publicKey == nil ? ", signature checked against the key in the file only; pass --public-key" : ""
    return (problems, "link \(state.lastSeq) of \(created)\(trust)")
}

/// `verify`'s checks, then the checkpoint's, printed as `plantrack verify` prints them.
func verify(_ options: Options) throws {
    guard let file = options.checkpoint else { fail("verify: --checkpoint FILE is needed") }
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { fail("cannot read the checkpoint \(file)") }
    guard FileManager.default.fileExists(atPath: options.database) else { fail("no database at \(options.database); nothing to verify") }
    let tracker = try TrackerDatabase(path: options.database, access: .inspect)
    let report = try Verifier.verify(tracker)
    var failed: [String] = []
    for check in report.checks {
        let detail = check.name == "hash chain" ? " (\(report.chainedRows) rows)" : ""
        say("\(check.passed ? "ok" : "FAILED")  \(check.name)\(detail)")
        for problem in check.problems { say("    \(problem)") }
        if !check.passed { failed.append(check.name) }
    }
    let (problems, summary) = try checkpointProblems(text, publicKey: options.publicKey, tracker: tracker)
    say("\(problems.isEmpty ? "ok" : "FAILED")  checkpoint\(problems.isEmpty ? " (\(summary))" : "")")
    for problem in problems { say("    \(problem)") }
    if !problems.isEmpty { failed.append("checkpoint") }
    if !failed.isEmpty { fail("\(options.database): verification failed (\(failed.joined(separator: ", ")))") }
}

do {
    let options = Options(Array(CommandLine.arguments.dropFirst()))
    switch options.command {
    case "make": try make(options)
    case "public-key":
        guard let keyPath = options.key else { fail("checkpoint: --key FILE is needed") }
        say(publicText(try signingKey(at: keyPath, database: nil).publicKey))
    case "verify": try verify(options)
    default: fail("usage: plantrack checkpoint --key FILE [--output FILE] [--public-key]; plantrack verify --checkpoint FILE [--public-key KEY]")
    }
} catch let error as TrackerError {
    fail(error.message)
} catch {
    fail("\(error)")
}
