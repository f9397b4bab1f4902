import PlannerGLPK

/// The one place the command line chooses the solver backend; every library below takes it as a parameter.
///
/// GLPK with the configuration the fieldwork model was measured to need (presolve and all four cut families on).
enum Backend {
    static var solver: GLPKSolver { GLPKSolver(configuration: GLPKConfiguration()) }
}
