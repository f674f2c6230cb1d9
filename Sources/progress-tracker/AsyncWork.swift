internal import Dispatch
internal import Synchronization

/// Async work run from the synchronous command line: the work runs on the concurrency
/// runtime's threads while the calling thread waits for it to end.
enum AsyncWork {
    /// What the work ended with, handed from its task to the waiting thread.
    private final class Outcome: Sendable {
        let result = Mutex<Result<Void, any Error>?>(nil)
        let ended = DispatchSemaphore(value: 0)
    }

    /// Runs `work` to its end, and returns or throws as it did.
    static func wait(for work: @escaping @Sendable () async throws -> Void) throws {
        let outcome = Outcome()
        // Detached: the waiting thread may be the main thread, which must not be asked to run it.
        Task.detached {
            let result: Result<Void, any Error>
            do {
                try await work()
                result = .success(())
            } catch {
                result = .failure(error)
            }
            outcome.result.withLock { $0 = result }
            outcome.ended.signal()
        }
        outcome.ended.wait()
        try outcome.result.withLock { $0 }!.get()
    }
}
