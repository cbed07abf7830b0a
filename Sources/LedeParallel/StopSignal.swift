import Foundation
import Synchronization

/// Tells a stage's threads to stop, including one blocked waiting for input: `waitUntilReadable` watches
/// the input's descriptor and a pipe that `stop()` writes to, so a read waiting on a quiet pipe or
/// terminal is woken rather than left blocked after its stage has returned.
package final class StopSignal: Sendable {
    private let stopped = Atomic<Bool>(false)
    /// The pipe `stop()` writes one byte to; -1 when the system gave none (then waits cannot be woken).
    private let wakeRead: Int32, wakeWrite: Int32

    package init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            (wakeRead, wakeWrite) = (ends[0], ends[1])
        } else {
            (wakeRead, wakeWrite) = (-1, -1)
        }
    }

    deinit {
        if wakeRead >= 0 { close(wakeRead) }
        if wakeWrite >= 0 { close(wakeWrite) }
    }

    /// Whether `stop()` has been called.
    package var isStopped: Bool { stopped.load(ordering: .acquiring) }

    /// Sets the signal and wakes every wait. Calling it again does nothing.
    package func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        guard wakeWrite >= 0 else { return }
        var byte: UInt8 = 1
        while write(wakeWrite, &byte, 1) < 0 && errno == EINTR {}
    }

    /// Waits until `descriptor` can be read without blocking (bytes, its end, or an error to report) or
    /// the signal is set. True when the descriptor is ready, false when the signal is set. A regular
    /// file is always ready.
    package func waitUntilReadable(_ descriptor: Int32) -> Bool {
        if isStopped { return false }
        guard wakeRead >= 0 else { return true }
        var watched = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&watched, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return true  // the read that follows reports what is wrong
            }
            if watched[1].revents != 0 { return false }
            if watched[0].revents != 0 { return true }
        }
    }
}
