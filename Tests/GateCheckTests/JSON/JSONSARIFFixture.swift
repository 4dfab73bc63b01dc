@_spi(Internals) import GateCheck

/// Deterministic Trivy-like SARIF 2.1.0 text, 2-space indent, as in the speed study's `sarif.json`.
enum SARIFFixture {
    /// A document with `rules` rules and results added until it holds `results` results or reaches `minimumBytes`.
    static func document(rules: Int, results: Int, minimumBytes: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(max(minimumBytes, 4096) + 8192)
        out += Array(header.utf8)
        for index in 0..<rules {
            if index > 0 { out += Array(",\n".utf8) }
            out += Array(rule(index).utf8)
        }
        out += Array(middle.utf8)
        var count = 0
        while count < results || out.count < minimumBytes {
            if count > 0 { out += Array(",\n".utf8) }
            out += Array(result(count, rules: rules).utf8)
            count += 1
        }
        out += Array(footer.utf8)
        return out
    }

    private static let header = """
        {
          "version": "2.1.0",
          "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
          "runs": [
            {
              "tool": {
                "driver": {
                  "fullName": "Trivy Vulnerability Scanner",
                  "informationUri": "https://github.com/aquasecurity/trivy",
                  "name": "Trivy",
                  "rules": [

        """

    private static let middle = """

                  ],
                  "version": "0.50.1"
                }
              },
              "results": [

        """

    private static let footer = """

              ],
              "columnKind": "utf16CodeUnits",
              "originalUriBaseIds": {
                "ROOTPATH": {
                  "uri": "file:///"
                }
              },
              "properties": null
            }
          ]
        }

        """

    private static let severities = ["9.8", "7.5", "5.3", "3.1", "0.0"]

    private static func rule(_ index: Int) -> String {
        let severity = severities[index % severities.count]
        return """
                      {
                        "id": "CVE-2024-\(10_000 + index)",
                        "name": "OsPackageVulnerability",
                        "shortDescription": {
                          "text": "libfoo: heap overflow in parser \\u2014 \\"crafted\\" input (Ubuntu)"
                        },
                        "fullDescription": {
                          "text": "A flaw was found in libfoo. An attacker could send crafted input,\\nleading to a crash. Ünïcödé ok."
                        },
                        "defaultConfiguration": {
                          "level": "error"
                        },
                        "helpUri": "https://avd.aquasec.com/nvd/cve-2024-\(10_000 + index)",
                        "help": {
                          "text": "Vulnerability CVE-2024-\(10_000 + index)\\nSeverity: HIGH\\nPackage: libfoo\\nFixed Version: 1.2.4",
                          "markdown": "**Vulnerability CVE-2024-\(10_000 + index)**\\n| Severity | Package | Fixed Version |\\n| --- | --- | --- |\\n|HIGH|libfoo|1.2.4|"
                        },
                        "properties": {
                          "precision": "very-high",
                          "security-severity": "\(severity)",
                          "tags": [
                            "vulnerability",
                            "security",
                            "HIGH"
                          ]
                        }
                      }
            """
    }

    private static let levels = ["error", "warning", "note", "error"]

    private static func result(_ index: Int, rules: Int) -> String {
        let ruleIndex = rules > 0 ? (index * 7) % rules : 0
        let location = """
                        {
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "usr/lib/python3/dist-packages/pkg\(index % 97)/module.py",
                              "uriBaseId": "ROOTPATH"
                            },
                            "region": {
                              "startLine": \(1 + index % 500),
                              "startColumn": 1,
                              "endLine": \(1 + index % 500),
                              "endColumn": 1
                            }
                          },
                          "message": {
                            "text": "usr/lib/python3/dist-packages/pkg\(index % 97)/module.py: libfoo@1.2.3"
                          }
                        }
            """
        return """
                    {
                      "ruleId": "CVE-2024-\(10_000 + ruleIndex)",
                      "ruleIndex": \(ruleIndex),
                      "level": "\(levels[index % levels.count])",
                      "message": {
                        "text": "Package: libfoo\\nInstalled Version: 1.2.3\\nVulnerability CVE-2024-\(10_000 + ruleIndex)\\nSeverity: HIGH\\nFixed Version: 1.2.4\\nLink: [CVE-2024-\(10_000 + ruleIndex)](https://avd.aquasec.com/nvd/cve-2024-\(10_000 + ruleIndex))"
                      },
                      "locations": [
            \(index % 3 == 2 ? location + ",\n" + location : location)
                      ]
                    }
            """
    }
}
