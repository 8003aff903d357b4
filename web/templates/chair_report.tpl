{{%AUTOESCAPE context="HTML"}}
<p class="crumbs noprint"><a href="{{P}}/bodies/{{BODY_KEY}}"><bdi class="sym">{{BODY_ACRONYM}}</bdi></a></p>
{{#CHOOSE}}<h1>{{t_chair_report}}</h1>
<form method="get" class="stack noprint">
<label for="meetings">{{t_chair_report_meetings_field}}</label>
<input type="text" id="meetings" name="meetings" value="{{SUGGESTION}}" inputmode="numeric" required>
<p class="help">{{t_chair_report_meetings_help}}</p>
<div><button type="submit">{{t_chair_report_generate}}</button></div>
</form>
<ul>{{#MEETINGS}}<li><bdi>{{MNUMBER}}</bdi> — {{MLABEL_HTML:none}} <span class="meta">{{MDATE}}</span></li>{{/MEETINGS}}</ul>{{/CHOOSE}}
{{#REPORT}}<article class="doc" id="chair-report">
<h1>{{TITLE_HTML:none}}</h1>
<section class="doc-front">
<h2>{{t_chair_report_summary_heading}}</h2>
<p id="summary">{{SUMMARY_HTML:none}}</p>
<h2>{{t_chair_report_action_heading}}</h2>
<p id="action-required">{{ACTION_HTML:none}}</p>
{{#HAS_REFS}}<h2>{{t_chair_report_references_heading}}</h2>
<ul class="refs" id="references">{{#REFS}}<li>{{REF_HTML:none}}</li>{{/REFS}}</ul>{{/HAS_REFS}}
</section>
{{#SECTIONS}}<section class="doc-section">
<h2><span class="snum">{{SNUM}}</span> {{SHEADING_HTML:none}}</h2>
{{#UNTRANSLATED_NOTE}}<p class="note untranslated-note">{{UNOTE}}</p>{{/UNTRANSLATED_NOTE}}
{{#PARAS}}<div class="para" id="{{PID}}"{{#PLANG}} lang="{{TLANG}}" dir="{{TDIR}}"{{/PLANG}}><span class="pnum">{{PNUM}}</span><div class="ptext"><p>{{TEXT_HTML:none}}</p>{{#HAS_ITEMS}}<ul class="items">{{#ITEMS}}<li>{{ITEM_HTML:none}}</li>{{/ITEMS}}</ul>{{/HAS_ITEMS}}</div></div>
{{#SUBS}}<div class="para sub" id="{{PID}}"{{#PLANG}} lang="{{TLANG}}" dir="{{TDIR}}"{{/PLANG}}><span class="pnum">{{PNUM}}</span><div class="ptext"><p>{{TEXT_HTML:none}}</p>{{#HAS_ITEMS}}<ul class="items">{{#ITEMS}}<li>{{ITEM_HTML:none}}</li>{{/ITEMS}}</ul>{{/HAS_ITEMS}}</div></div>
{{/SUBS}}{{/PARAS}}</section>
{{/SECTIONS}}{{#SIGNATURE}}<p class="signature" id="signature">{{SIGNED}}{{#STATE}}<br>{{STATE_LINE}}{{/STATE}}</p>{{/SIGNATURE}}
</article>
<p class="noprint downloads">{{t_doc_download}}{{t_punct_colon}}<a href="/api/v1/bodies/{{BODY_KEY}}/chair-report.docx?meetings={{DL_MEETINGS}}&amp;lang={{DL_LANG}}" download>DOCX</a> · <a href="/api/v1/bodies/{{BODY_KEY}}/chair-report.pdf?meetings={{DL_MEETINGS}}&amp;lang={{DL_LANG}}" download>PDF</a> · <a href="/api/v1/bodies/{{BODY_KEY}}/chair-report.akn.xml?meetings={{DL_MEETINGS}}&amp;lang={{DL_LANG}}" download>Akoma Ntoso (XML)</a></p>
<p class="noprint other-langs">{{#OTHER}}<a href="/{{CODE}}/bodies/{{BODY_KEY}}/chair-report?meetings={{QUERY}}" lang="{{CODE}}" hreflang="{{CODE}}">{{NAME}}</a> {{/OTHER}}</p>{{/REPORT}}
{{>LIFECYCLE}}
