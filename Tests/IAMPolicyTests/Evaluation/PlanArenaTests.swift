import Testing

@testable import IAMPolicy

/// ``PlanArena`` holds the words of the plans of one ``PolicySetPlans``: each allocation is aligned to a cache
/// line and apart from the others, a plan larger than a chunk gets room of its own, and the memory stays
/// valid for as long as a plan made in it is alive, even once its ``PolicySetPlans`` is gone.
@Suite struct PlanArenaTests {
    @Test func allocationsAreAlignedAndApart() throws {
        let arena = PlanArena()
        var previous: (start: Int, end: Int)?
        for count in [1, 31, 32, 33, 1000, PlanArena.chunkSize / 2 + 1, 5] {
            let words = try #require(arena.allocate(words: count))
            let start = Int(bitPattern: UnsafeRawPointer(words))
            #expect(start % 64 == 0, "\(count) words")
            // Every word can be written and read back.
            words.initialize(repeating: UInt16(truncatingIfNeeded: count), count: count)
            #expect(words[count - 1] == UInt16(truncatingIfNeeded: count))
            if let previous { #expect(start >= previous.end || start + 2 * count <= previous.start) }
            previous = (start, start + 2 * count)
        }
    }

    @Test func aPlanLargerThanAChunkGetsRoomOfItsOwn() throws {
        let arena = PlanArena()
        let count = PlanArena.chunkSize  // twice a chunk's bytes
        let words = try #require(arena.allocate(words: count))
        words[0] = 1
        words[count - 1] = 2
        #expect(words[0] == 1 && words[count - 1] == 2)
    }

    /// Requests keep their plans, and the plans their arena: deciding after the ``PolicySetPlans`` that made
    /// them is gone reads memory still mapped, with the same results.
    @Test func plansOutliveTheirPlanSet() throws {
        let policy = try ParsedPolicy(
            name: "p", text: evalDoc(stmt("Allow", "s3:GetObject", bucketObject), stmt("Deny", "s3:PutObject")))
        var requests: [EvaluationRequest] = []
        do {
            var plans = PolicySetPlans()
            for action in ["s3:GetObject", "s3:PutObject", "s3:ListBucket"] {
                var request = EvaluationRequest(
                    principal: alice, action: action, resource: bucketObject, identityPolicies: [policy])
                plans.attach(to: &request)
                requests.append(request)
            }
        }
        let engine = PolicyEvaluator.Engine()
        #expect(requests.map { $0.hasPolicySetPlan } == [true, true, true])
        #expect(requests.map { engine.decide($0) } == [.allowed, .explicitDeny, .implicitDeny])
    }
}
