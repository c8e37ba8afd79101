import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Memory for the words of the ``PolicySetPlan``s of one ``PolicySetPlans``, in chunks the kernel is asked to
/// back with transparent huge pages (2 MiB).
///
/// Why: a run of thousands of requests reads a few cache lines of a different plan for each, and with 4 KiB
/// pages the plans of a thousand principals span tens of thousands of pages, far more than the TLB maps: each
/// request's list then costs a page walk (in a virtual machine, a walk of both the guest's and the host's
/// tables) before its first line arrives. In 2 MiB pages the same plans span a few dozen. Where huge pages
/// are unavailable the advice is ignored and the chunks are ordinary memory.
///
/// Nothing is freed one plan at a time: every plan made in an arena keeps the arena, and the chunks are
/// returned when the last of them goes. Thread-safe.
final class PlanArena: @unchecked Sendable {
    /// Only read or written under `lock`.
    private var chunks: [(base: UnsafeMutableRawPointer, size: Int)] = []
    private var next: UnsafeMutableRawPointer?
    private var remaining = 0
    private let lock = NSLock()

    static let hugePage = 2 << 20
    /// Reserved at a time; only the pages written are backed by memory.
    static let chunkSize = 32 << 20

    /// Room for `count` words, aligned to a cache line; `nil` when the system has no memory to map.
    func allocate(words count: Int) -> UnsafeMutablePointer<UInt16>? {
        let bytes = (count * MemoryLayout<UInt16>.stride + 63) & ~63
        lock.lock()
        defer { lock.unlock() }
        if bytes > remaining {
            let size = max(Self.chunkSize, (bytes + Self.hugePage - 1) & ~(Self.hugePage - 1))
            guard let base = map(size) else { return nil }
            next = base
            remaining = size
        }
        guard let start = next else { return nil }
        next = start + bytes
        remaining -= bytes
        return start.bindMemory(to: UInt16.self, capacity: count)
    }

    /// Maps `size` bytes starting on a huge page boundary (a huge page backs only an aligned 2 MiB).
    private func map(_ size: Int) -> UnsafeMutableRawPointer? {
        #if canImport(Glibc)
        let mapped = size + Self.hugePage
        guard let raw = mmap(nil, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            raw != UnsafeMutableRawPointer(bitPattern: -1)
        else { return nil }
        chunks.append((raw, mapped))
        let offset = (Self.hugePage - Int(bitPattern: raw) % Self.hugePage) % Self.hugePage
        let base = raw + offset
        // Advice only: refused (no THP in this kernel), the chunk is ordinary memory.
        _ = madvise(base, size, MADV_HUGEPAGE)
        return base
        #else
        let base = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        chunks.append((base, size))
        return base
        #endif
    }

    deinit {
        for chunk in chunks {
            #if canImport(Glibc)
            munmap(chunk.base, chunk.size)
            #else
            chunk.base.deallocate()
            #endif
        }
    }
}
