import CGLPK
import Testing
import PlannerOptimization
@testable import PlannerGLPK

/// The mapping for every `glp_intopt` return code, including those the validated models never produce.
@Suite("GLPK termination mapping")
struct GLPKTerminationTests {
    @Test func intoptCodes() {
        let map = GLPKTermination.status(intoptCode:mipStatus:)
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

    @Test func rootLPCodes() {
        let map = GLPKTermination.status(rootLPCode:lpStatus:)
        #expect(map(0, GLP_NOFEAS) == .infeasible)
        #expect(map(0, GLP_UNBND) == .unbounded)
        #expect(map(GLP_ETMLIM, GLP_UNDEF) == .noSolutionFound(.timeLimit))
        if case .failure = map(GLP_EFAIL, GLP_UNDEF) {} else { Issue.record("simplex failure is a failure") }
    }
}
