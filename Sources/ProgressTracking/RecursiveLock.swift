#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex that the thread holding it may lock again.
///
/// `ProgressStore.transaction` holds the writer's lock while the caller's closure runs, and
/// the calls that closure makes through the store's sets and trackers lock it again on the
/// same thread: they join the transaction instead of deadlocking, while other threads wait
/// for it to end.
/// (`Synchronization.Mutex` is not reentrant.)
final class RecursiveLock: @unchecked Sendable {
    // @unchecked: the pthread mutex is the synchronization itself; it is initialized before
    // the lock is shared, lives at a fixed heap address, and is destroyed only in deinit.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_RECURSIVE))
        pthread_mutex_init(mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
