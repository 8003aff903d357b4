{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/consultations/{{ID}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a></p>
<h1>{{t_report}}</h1>
<p class="help">{{t_report_help}}</p>
<blockquote class="report" id="report-paragraph">{{PARAGRAPH_HTML:none}}</blockquote>
<p>{{#OTHER}}<a href="/{{CODE}}/consultations/{{ID}}/report" lang="{{CODE}}" hreflang="{{CODE}}">{{NAME}}</a> {{/OTHER}}</p>
<p class="noprint downloads">{{t_doc_download}}{{t_punct_colon}}<a href="/api/v1/consultations/{{ID}}/report.docx?lang={{DL_LANG}}" download>DOCX</a> · <a href="/api/v1/consultations/{{ID}}/report.pdf?lang={{DL_LANG}}" download>PDF</a> · <a href="/api/v1/consultations/{{ID}}/report.akn.xml?lang={{DL_LANG}}" download>Akoma Ntoso (XML)</a></p>
{{>LIFECYCLE}}
