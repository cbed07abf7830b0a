import Testing
@testable import LedeSummarizer
