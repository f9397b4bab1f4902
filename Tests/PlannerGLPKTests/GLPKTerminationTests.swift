import CGLPK
import Testing
import PlannerOptimization
@testable import PlannerGLPK

/// The mapping for every `glp_intopt` return code, including those the validated models never produce.
@Suite("GLPK termination mapping")
struct GLPKTerminationTests {
    @Test func intoptCodes() {
        let map = { GLPKTermination.status(intoptCode: $0, mipStatus: $1) }
        #expect(map(0, GLP_OPT) == .optimal)
        #expect(map(0, GLP_NOFEAS) == .infeasible)
        #expect(map(GLP_EMIPGAP, GLP_FEAS) == .feasible(.gapLimit))
        #expect(map(GLP_ETMLIM, GLP_FEAS) == .feasible(.timeLimit))
        #expect(map(GLP_ETMLIM, GLP_UNDEF) == .noSolutionFound(.timeLimit))
        #expect(map(GLP_ESTOP, GLP_FEAS) == .feasible(.interrupted))
        #expect(map(GLP_ESTOP, GLP_UNDEF) == .noSolutionFound(.interrupted))
        #expect(map(GLP_ENOPFS, GLP_UNDEF) == .infeasible)
        #expect(map(GLP_ENODFS, GLP_UNDEF) == .unbounded)
        for code in [GLP_EBOUND, GLP_EROOT, GLP_EFAIL, 99] {
            guard case .failure(let message) = map(code, GLP_UNDEF) else {
                Issue.record("code \(code) should be a failure")
                continue
            }
            #expect(!message.isEmpty)
        }
        if case .failure = map(0, GLP_UNDEF) {} else { Issue.record("success without a status is a failure") }
    }

    /// The callback's stop at the deadline is the time limit, as GLPK's own would be; a node-limit stop stays an
    /// interruption.
    @Test func callbackStopAtTheDeadlineIsTheTimeLimit() {
        #expect(GLPKTermination.status(intoptCode: GLP_ESTOP, mipStatus: GLP_FEAS, stoppedAtDeadline: true)
                == .feasible(.timeLimit))
        #expect(GLPKTermination.status(intoptCode: GLP_ESTOP, mipStatus: GLP_UNDEF, stoppedAtDeadline: true)
                == .noSolutionFound(.timeLimit))
        #expect(GLPKTermination.status(intoptCode: GLP_ESTOP, mipStatus: GLP_FEAS, stoppedAtDeadline: false)
                == .feasible(.interrupted))
    }

    /// The search stops once the deadline is nearer than the longest stretch without a callback, not later.
    @Test func deadlineStopsBeforeALongStretchWouldCrossIt() {
        let zero = ContinuousClock.now
        func at(_ seconds: Double) -> ContinuousClock.Instant { zero + .milliseconds(Int64(seconds * 1000)) }
        var deadline = CallbackDeadline(at(10))
        // Callbacks a second apart: 8 + 1 < 10, so the search goes on.
        let early = (0...8).map { deadline.stopsAtCallback(at(Double($0))) }
        #expect(early.allSatisfy { !$0 })
        // A stretch of 1.5 s: 9.5 + 1.5 ≥ 10, so the next stretch would likely end past the deadline.
        let atNineAndAHalf = deadline.stopsAtCallback(at(9.5))
        #expect(atNineAndAHalf)
        #expect(deadline.reached)
        #expect(deadline.longestSilence == .milliseconds(1500))
        // Said once only.
        let again = deadline.stopsAtCallback(at(9.6))
        #expect(!again)

        var quiet = CallbackDeadline(at(10))
        let quietEarly = [quiet.stopsAtCallback(at(2)), quiet.stopsAtCallback(at(2.5))]
        #expect(quietEarly == [false, false])
        // Past the deadline it stops even without any long stretch.
        let atTheDeadline = quiet.stopsAtCallback(at(10))
        #expect(atTheDeadline)
    }

    @Test func rootLPCodes() {
        let map = GLPKTermination.status(rootLPCode:lpStatus:)
        #expect(map(0, GLP_NOFEAS) == .infeasible)
        #expect(map(0, GLP_UNBND) == .unbounded)
        #expect(map(GLP_ETMLIM, GLP_UNDEF) == .noSolutionFound(.timeLimit))
        if case .failure = map(GLP_EFAIL, GLP_UNDEF) {} else { Issue.record("simplex failure is a failure") }
    }
}
