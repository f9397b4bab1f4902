/// The tool's version, recorded in every manifest so that a plan says what produced it.
public enum PlannerVersion {
    public static let current = "0.1.0"
}
