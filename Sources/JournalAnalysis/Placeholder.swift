public enum JournalAnalysis {}
