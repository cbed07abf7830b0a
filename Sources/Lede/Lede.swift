// The library a Swift program imports to use Lede: every stage, re-exported under one name
// (TopicModelTrainer, beside this file, puts the stages together as `lede train` does).
@_exported import LedeBLAS
@_exported import LedeFeatures
@_exported import LedeSafetensors
@_exported import LedeClassifier
@_exported import LedeExtract
@_exported import LedePipeline
@_exported import LedeROUGE
@_exported import LedeReport
@_exported import LedeSentences
@_exported import LedeSummarizer
@_exported import LedeText

/// Facts about this build of Lede.
public enum LedeInfo {
    /// The release this source tree is; also printed by `lede --version`.
    public static let version = "0.1.0"
}
