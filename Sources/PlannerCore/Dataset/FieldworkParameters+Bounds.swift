extension FieldworkParameters {
    /// What each fieldwork parameter may be, stated once: the survey.toml reader reports a value outside these
    /// bounds at its location, and the assignment model refuses parameters set in code outside them.
    ///
    /// Minutes fit a day (sums of them must not overflow); the other bounds keep objective weights and travel
    /// times within the solver's arithmetic. Ranges of `Double` hold no NaN and no infinity.
    public enum Bounds {
        public static let interviewMinutes = 1...1440
        public static let moveMinutes = 0...1440
        public static let communesPerDay = 1...100
        /// Road distance is never shorter than the great-circle distance.
        public static let circuityFactor: ClosedRange<Double> = 1...5
        public static let speedKmPerHour: ClosedRange<Double> = 1...200
        public static let workloadBalanceWeight: ClosedRange<Double> = 0...100
        public static let attempts = 1...20
    }
}
