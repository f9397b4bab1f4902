/// The tool's version, recorded in every manifest so that a plan says what produced it.
public enum PlannerVersion {
    public static let current = "0.1.0"

    /// The edition of the documents the planner renders (sheets, bundles, notices, CSVs, reports): raised with
    /// every change to what a renderer writes for the same plan, and recorded in every manifest.
    ///
    /// The version above does not change with every build, so without this `planner verify` could not tell a
    /// derived file edited after the plan was written from one an older build renders differently. A test
    /// (`RenderingEditionTests`) ties the edition to a digest of the documents rendered from a fixed plan, so a
    /// change to a renderer fails until the edition is raised.
    public static let renderingEdition = 4
}
