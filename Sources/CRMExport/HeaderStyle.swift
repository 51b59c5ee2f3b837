/// How a CRM names the fields in an import file's header (spec §8.2).
public enum HeaderStyle: String, Sendable, Equatable, CaseIterable {
  /// The field label, as import wizards map it: `Churn Probability`.
  case label
  /// Zoho's API names (Bulk Write API): `Churn_Probability`.
  case zohoAPI = "zoho_api"
  /// Salesforce custom-field API names: `Churn_Probability__c`.
  case salesforceAPI = "salesforce_api"
  /// Lower-case internal names (HubSpot internal names, generic files): `churn_probability`.
  case internalName = "internal"
  /// The Chinese labels of a CRM's import template: `流失概率`.
  case chinese

  /// The header of a field with these labels.
  public func header(label: String, chineseLabel: String) -> String {
    let words = label.split(separator: " ")
    switch self {
    case .label: return label
    case .zohoAPI: return words.joined(separator: "_")
    case .salesforceAPI: return words.joined(separator: "_") + "__c"
    case .internalName: return words.map { $0.lowercased() }.joined(separator: "_")
    case .chinese: return chineseLabel
    }
  }
}
