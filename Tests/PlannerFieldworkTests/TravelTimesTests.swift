import PlannerCore
@testable import PlannerFieldwork
import Testing

@Suite struct TravelTimesTests {
    @Test("great-circle km × circuity ÷ speed, in minutes")
    func computedMinutes() {
        let travel = GreatCircleTravelTimes(parameters: FieldworkParameters(circuityFactor: 1.5, speedKmPerHour: 20))
        let from = TravelPlace(communeCode: "1", location: GeoPoint(latitude: 9.6, longitude: 105.9))
        let to = TravelPlace(communeCode: "2", location: GeoPoint(latitude: 9.7, longitude: 105.9))
        let kilometres = from.location.distanceKilometres(to: to.location)
        #expect(abs(travel.minutes(from: from, to: to) - kilometres * 1.5 / 20 * 60) < 1e-9)
        #expect(abs(kilometres - 11.12) < 0.01)
    }

    @Test("an override replaces the computed minutes, both ways unless the reverse is given")
    func overrides() {
        let overrides = [TravelOverride(from: "1", to: "2", minutes: 95),
                         TravelOverride(from: "3", to: "1", minutes: 10), TravelOverride(from: "1", to: "3", minutes: 12)]
        let travel = TravelMatrix(entries: overrides, fallback: GreatCircleTravelTimes(parameters: FieldworkParameters()))
        let one = TravelPlace(communeCode: "1", location: GeoPoint(latitude: 9.6, longitude: 105.9))
        let two = TravelPlace(communeCode: "2", location: GeoPoint(latitude: 9.6, longitude: 105.91))
        let three = TravelPlace(communeCode: "3", location: GeoPoint(latitude: 9.6, longitude: 105.92))
        #expect(travel.minutes(from: one, to: two) == 95)
        #expect(travel.minutes(from: two, to: one) == 95)
        #expect(travel.minutes(from: one, to: three) == 12)
        #expect(travel.minutes(from: three, to: one) == 10)
        #expect(travel.minutes(from: two, to: three) < 5)
    }

    @Test("a base lies in the nearest commune of its own district, even when another district's is nearer")
    func baseCommune() {
        let own = SmallSurvey.commune("100", district: "941", east: 5, north: 0)
        let ownFar = SmallSurvey.commune("101", district: "941", east: 9, north: 0)
        let neighbour = SmallSurvey.commune("200", district: "942", east: 1, north: 0)
        let enumerator = SmallSurvey.enumerator("EN01", district: "941", at: SmallSurvey.centre, skills: [.household])
        #expect(AssignmentInstance.baseCommune(of: enumerator, communes: [own, ownFar, neighbour]) == "100")
    }

    @Test("an override keyed by the base's commune prices the trip from the base")
    func overrideFromBase() throws {
        let town = SmallSurvey.commune("31498", east: 0, north: 0)
        let island = SmallSurvey.commune("31700", east: 10, north: 0)
        let dataset = SmallSurvey.dataset(
            communes: [town, island],
            enumerators: [SmallSurvey.enumerator("EN01", at: SmallSurvey.point(east: 0.5, north: 0), skills: [.household])],
            travelOverrides: [TravelOverride(from: "31498", to: "31700", minutes: 90)])
        let instance = try AssignmentInstance(request: FieldworkRequest(
            dataset: dataset, units: SmallSurvey.households(3, in: island, prefix: "H")))
        #expect(instance.workers[0].baseCommune == "31498")
        #expect(instance.options.map(\.roundTripMinutes) == [180])
    }

    /// A stand-in for a road-network table: every pair costs the same, whatever the distance.
    private struct FlatTravelTimes: TravelTimes {
        var minutes: Double
        func minutes(from origin: TravelPlace, to destination: TravelPlace) -> Double {
            origin == destination ? 0 : minutes
        }
    }

    @Test("the request's travel times price the model's trips and the scheduled routes, not the formula")
    func requestTravelReachesModelAndRoutes() throws {
        let town = SmallSurvey.commune("31498", east: 0, north: 0)
        let far = SmallSurvey.commune("31700", east: 10, north: 0)
        let dataset = SmallSurvey.dataset(
            communes: [town, far],
            enumerators: [SmallSurvey.enumerator("EN01", at: SmallSurvey.point(east: 0.5, north: 0), skills: [.household])])
        let request = FieldworkRequest(dataset: dataset, units: SmallSurvey.households(3, in: far, prefix: "H"),
                                       travel: FlatTravelTimes(minutes: 25))
        let instance = try AssignmentInstance(request: request)
        #expect(instance.options.map(\.roundTripMinutes) == [50])
        let formula = try AssignmentInstance(request: FieldworkRequest(dataset: dataset, units: request.units))
        #expect(formula.options.map(\.roundTripMinutes) != [50])
        let schedule = TripScheduler(instance: instance).schedule(trips: [1])
        #expect(schedule.routes.map(\.travelMinutes) == [50])
        #expect(schedule.visits.first?.travelMinutes == 25)
    }

    @Test("a matrix falls back for the pairs it does not hold, and an explicit reverse row keeps its own minutes")
    func matrixFallsBack() {
        let one = TravelPlace(communeCode: "1", location: GeoPoint(latitude: 9.6, longitude: 105.9))
        let two = TravelPlace(communeCode: "2", location: GeoPoint(latitude: 9.6, longitude: 105.91))
        let three = TravelPlace(communeCode: "3", location: GeoPoint(latitude: 9.6, longitude: 105.92))
        let matrix = TravelMatrix(entries: [TravelOverride(from: "1", to: "2", minutes: 7),
                                            TravelOverride(from: "2", to: "1", minutes: 9)],
                                  fallback: FlatTravelTimes(minutes: 40))
        #expect(matrix.minutes(from: one, to: two) == 7)
        #expect(matrix.minutes(from: two, to: one) == 9)
        #expect(matrix.minutes(from: one, to: three) == 40)
        #expect(matrix.minutes(from: three, to: three) == 0)
        #expect(matrix.tourMinutes(base: one, through: [two, three]) == 7 + 40 + 40)
    }
}
