import Testing

/// The tests that run `progress-test-worker` processes. One at a time: each one blocks a thread
/// while it reads its workers' output, and the workers share two cores.
@Suite(.serialized) struct ProcessTests {}
