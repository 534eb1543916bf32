"""Chinese: UN Chinese documents (FCCC/KP/CMP/2012/1; FCCC/KP/CMP/2007/1): SOURCES.md.

The top-right block of a UN Chinese document stays in English ("Distr.: General",
"14 September 2012", "Chinese", "Original: English"): masthead_language is en."""

WORDS = {
    "tag": "zh-CN",  # Simplified Chinese: the PDF and DOCX choose the SC face by it
    "masthead_language": "en",
    "months": ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"),
    "first_day": "1",
    "date": "{year}年{month}月{day}日",
    "range_days": "{year2}年{month2}月{day1}日至{day2}日",
    "range_months": "{year2}年{month1}月{day1}日至{month2}月{day2}日",
    "range_years": "{date1}至{date2}",
    "citation": "{number}({letter})",
    "item_line": "（临时议程项目{citation}）",
    "list_label": "({mark})",  # a sub-item's label: (a), (i)
    "author_line": "秘书处的说明",
    "author": "东北亚环境合作计划秘书处，亚太经社会东亚和东北亚办事处",
    "contents": "目录",
    "considerations_title": "供审议的问题",
    "parentheses": ("（", "）"),  # around a sub-heading
    "attached_page": "{name}，所附文件第{page}页，共{pages}页",  # alternative text of an attached annex's page
    "corrigendum": "更正",  # under the title of <symbol>/Corr.N
    "addendum": "增编",  # under the title of <symbol>/Add.N
    "listed_supplement": "{title}：{supplement}",  # a corrigendum in a list of documents
    "annex_heading": "附件{numeral}",
    # an annex issued alone
    "annex_of": ("{document}号文件附件{numeral}",
                 "《{document}》附件{numeral}"),
    "as_corrected": "阅读本，并非印发的文件：经{corrections}号文件更正的{symbol}号文件案文",
    # a copy of an issued document changed since, nothing declared yet: its mark
    "draft_copy": "草稿，并非印发的文件：{date}印发的{document}号文件的修改，尚未申报",
    "table": "表",
    "figure": "图",
    "source_words": ("资料来源：", "来源："),
    "refs": {"paragraph": "第{number}段", "table": "表{number}", "figure": "图{number}", "chapter": "第{number}章",
             "annex": "附件{number}"},
    "ref_in_annex": "附件{annex}{ref}",
    "report_title": "{title}报告",
    "adoption_line": "会议于{date}通过了本报告。",
    "provisional_agenda": "临时议程",
    "annotated_agenda": "附加说明的临时议程",
    "annotations": "说明",
    "documentation": "文件",
    "documents_list": "文件清单",
    "documents_columns": ("文号", "标题", "议程项目", "分发", "日期"),
    "participants_list": "与会者名单",
    "participant_groups": ("成员国", "联合国机构和专门机构", "政府间组织", "其他组织", "秘书处"),
    "attendance": {"heading": "出席情况", "separator": "、", "and": "和",
                   "groups": ("下列成员国派代表出席了会议：{names}。",
                              "下列联合国机构和专门机构派代表出席了会议：{names}。",
                              "下列政府间组织派代表出席了会议：{names}。",
                              "下列其他组织派代表出席了会议：{names}。",
                              "下列机构担任秘书处：{names}。")},
    "adopted_agenda": "会议通过了以下议程：",
}
