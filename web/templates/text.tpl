{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/meetings/{{MID}}/agenda">{{t_proc_title}}</a> · <bdi>{{DOCUMENT}}</bdi></p>
<h1{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="auto">{{TITLE}}</h1>
{{#TITLE_FALLBACK}}<p class="note">{{TITLE_NOTE}}</p>{{/TITLE_FALLBACK}}
{{>FORM_ERRORS}}
{{#ILLUSTRATIVE}}<p class="note">{{t_drafting_illustrative}}</p>{{/ILLUSTRATIVE}}
<p class="meta"><bdi>{{DOCUMENT}}</bdi> · {{STATUS_LABEL}} · {{t_drafting_version}} {{VERSION}}{{#RESOLUTION}} · <a href="{{P}}/resolutions/{{RES_INSTRUMENT}}/{{RES_NUMBER}}">{{RES_NAME}}</a>{{/RESOLUTION}}</p>
<nav class="tabs" aria-label="{{t_drafting_views}}">
<a href="{{P}}/texts/{{ID}}?lang={{CLANG}}"{{#V_BRACKETS}} aria-current="page"{{/V_BRACKETS}}>{{t_drafting_view_brackets}}</a>
· <a href="{{P}}/texts/{{ID}}/clean?lang={{CLANG}}"{{#V_CLEAN}} aria-current="page"{{/V_CLEAN}}>{{t_drafting_view_clean}}</a>
· <a href="{{P}}/texts/{{ID}}/status?lang={{CLANG}}"{{#V_STATUS}} aria-current="page"{{/V_STATUS}}>{{t_drafting_view_status}}</a>
· <a href="{{P}}/texts/{{ID}}/compilation?lang={{CLANG}}"{{#V_COMPILATION}} aria-current="page"{{/V_COMPILATION}}>{{t_drafting_view_compilation}}</a>
· <a href="{{P}}/texts/{{ID}}/screen?lang={{CLANG}}">{{t_drafting_view_screen}}</a>
</nav>
{{#REVISIONS}}<p>{{t_drafting_revisions}}{{t_punct_colon}}{{#REV}}<bdi>{{REV_DOC}}</bdi>{{#HAS_PREV}} <bdi>(<a href="{{P}}/texts/{{ID}}/diff?from={{FROM}}&amp;to={{TO}}&amp;lang={{CLANG}}">{{t_drafting_compare}}</a>)</bdi>{{/HAS_PREV}}{{#REV_separator}} · {{/REV_separator}}{{/REV}}</p>{{/REVISIONS}}
<p>{{t_drafting_text_language}}{{t_punct_colon}}{{#LANGS}}<a href="{{P}}/texts/{{ID}}{{SUFFIX}}?lang={{CODE}}"{{#CUR}} aria-current="true"{{/CUR}}>{{NAME}}</a>{{#LANGS_separator}} · {{/LANGS_separator}}{{/LANGS}}</p>
{{#TEXT}}<div class="draft" lang="{{CLANG}}" dir="{{CDIR}}">
{{#PROV}}{{#IS_SECTION}}<h2 class="provision section{{#DISCUSSED}} discussed{{/DISCUSSED}}" id="p{{PID}}"><span class="label"><bdi>{{LABEL}}</bdi></span>{{#DISCUSSED}} <span class="note" lang="{{ULANG}}" dir="{{UDIR}}">({{t_drafting_under_discussion}})</span>{{/DISCUSSED}} {{#MISSING}}<span class="note">—</span>{{/MISSING}}{{BODY_HTML:none}}</h2>{{/IS_SECTION}}
{{#IS_PARAGRAPH}}<p class="provision paragraph{{#DISCUSSED}} discussed{{/DISCUSSED}}" id="p{{PID}}"><span class="label"><bdi>{{LABEL}}</bdi></span>{{#DISCUSSED}} <span class="note" lang="{{ULANG}}" dir="{{UDIR}}">({{t_drafting_under_discussion}})</span>{{/DISCUSSED}} {{#MISSING}}<span class="note">—</span>{{/MISSING}}{{BODY_HTML:none}}</p>{{/IS_PARAGRAPH}}
{{#NOTE}}<div class="bracket-note"><p><span class="bracket">[<bdi>{{WORDS}}</bdi>]</span>{{#HAS_PROPOSED}} · {{t_drafting_proposed_by}} {{PROPOSED}}{{/HAS_PROPOSED}}{{#HAS_SUPPORTED}} · {{t_drafting_supported_by}} {{SUPPORTED}}{{/HAS_SUPPORTED}}{{#HAS_OBJECTED}} · {{t_drafting_objected_by}} {{OBJECTED}}{{/HAS_OBJECTED}}{{#HAS_NOTE}} · <bdi>{{NOTE_TEXT}}</bdi>{{/HAS_NOTE}}</p>
{{#ALT}}<p class="alternative">{{ALT_LABEL}}{{t_punct_colon}}<bdi>{{ALT_TEXT}}</bdi></p>{{/ALT}}
{{#RESOLVE}}<form method="post" action="{{P}}/brackets/{{BID}}/resolve" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{RVERSION}}">
<label for="rs-{{BID}}">{{t_drafting_form_outcome}}</label> <select id="rs-{{BID}}" name="outcome">{{#OUTCOME}}<option value="{{K}}">{{L}}</option>{{/OUTCOME}}</select> <button type="submit">{{t_drafting_form_resolve}}</button></form>{{/RESOLVE}}</div>{{/NOTE}}
{{#LACKING}}<div class="bracket-note lacking"><p>{{LACK_TEXT}} <span class="bracket" lang="{{OLANG}}" dir="{{ODIR}}">[<bdi>{{OWORDS}}</bdi>]</span></p>
{{#PASSAGE_FORM}}<details class="staff-form"{{#OPEN_PASSAGE}} open{{/OPEN_PASSAGE}}><summary>{{PASSAGE_SUMMARY}}</summary>
<form method="post" action="{{P}}/provisions/{{PID}}/brackets?lang={{QLANG}}" class="stack"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{QVERSION}}"><input type="hidden" name="question" value="{{QID}}"><input type="hidden" name="lang" value="{{QLANG}}">
{{#CURRENT}}<div class="current-text" id="{{CUR_ID}}" tabindex="-1"><p class="field-error" id="{{CUR_ID}}-error">{{CUR_MSG}}</p><p>{{t_drafting_current_wording}}{{t_punct_colon}}</p><dl>{{#CUR_L}}<dt>{{CUR_LNAME}}</dt><dd lang="{{CUR_CODE}}" dir="{{CUR_DIR}}">{{#CUR_MISSING}}—{{/CUR_MISSING}}{{CUR_BODY}}</dd>{{/CUR_L}}</dl></div>{{/CURRENT}}
{{>FIELD}}
<button type="submit">{{PASSAGE_SUMMARY}}</button></form></details>{{/PASSAGE_FORM}}</div>{{/LACKING}}
{{#EDIT}}<details class="staff-form"{{#OPEN_EDIT}} open{{/OPEN_EDIT}}><summary>{{t_drafting_form_edit}} <bdi>{{ELABEL}}</bdi></summary>
{{#EDIT_FORM}}<form method="post" action="{{P}}/provisions/{{PID}}/edit" class="stack"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{EVERSION}}">
{{#CURRENT}}<div class="current-text" id="{{CUR_ID}}" tabindex="-1"><p class="field-error" id="{{CUR_ID}}-error">{{CUR_MSG}}</p><p>{{t_drafting_current_wording}}{{t_punct_colon}}</p><dl>{{#CUR_L}}<dt>{{CUR_LNAME}}</dt><dd lang="{{CUR_CODE}}" dir="{{CUR_DIR}}">{{#CUR_MISSING}}—{{/CUR_MISSING}}{{CUR_BODY}}</dd>{{/CUR_L}}</dl></div>{{/CURRENT}}
<label for="{{KIND_ID}}">{{t_field_kind}}</label><select id="{{KIND_ID}}" name="kind">{{#KIND}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{KLABEL}}</option>{{/KIND}}</select>
{{>FIELD}}
<button type="submit">{{t_save}}</button></form>{{/EDIT_FORM}}
<form method="post" action="{{P}}/provisions/{{PID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{EVERSION}}"><button type="submit">{{t_drafting_form_delete}}</button></form></details>
<details class="staff-form"{{#OPEN_BRACKET}} open{{/OPEN_BRACKET}}><summary>{{t_drafting_form_bracket}} <bdi>{{ELABEL}}</bdi></summary>
{{#BRACKET_FORM}}<form method="post" action="{{P}}/provisions/{{PID}}/brackets" class="stack"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{EVERSION}}">
{{#CURRENT}}<div class="current-text" id="{{CUR_ID}}" tabindex="-1"><p class="field-error" id="{{CUR_ID}}-error">{{CUR_MSG}}</p><p>{{t_drafting_current_wording}}{{t_punct_colon}}</p><dl>{{#CUR_L}}<dt>{{CUR_LNAME}}</dt><dd lang="{{CUR_CODE}}" dir="{{CUR_DIR}}">{{#CUR_MISSING}}—{{/CUR_MISSING}}{{CUR_BODY}}</dd>{{/CUR_L}}</dl></div>{{/CURRENT}}
<label for="{{LANG_ID}}">{{t_drafting_text_language}}</label><select id="{{LANG_ID}}" name="lang">{{#BLANG}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{LNAME}}</option>{{/BLANG}}</select>
{{>FIELD}}
<button type="submit">{{t_drafting_action_bracket}}</button></form>{{/BRACKET_FORM}}</details>{{/EDIT}}
{{/PROV}}</div>{{/TEXT}}
{{#ADD_PROVISION}}<details class="staff-form"{{#OPEN_ADD}} open{{/OPEN_ADD}}><summary>{{t_drafting_form_add}}</summary>
<form method="post" action="{{P}}/texts/{{ID}}/provisions" class="stack"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{AVERSION}}">
<label for="pa-kind">{{t_field_kind}}</label><select id="pa-kind" name="kind">{{#KIND}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{KLABEL}}</option>{{/KIND}}</select>
{{>FIELD}}
<button type="submit">{{t_drafting_form_add}}</button></form></details>{{/ADD_PROVISION}}
{{#INFORMAL}}<section class="informal" aria-labelledby="informal-h"><h2 id="informal-h">{{t_drafting_informal_heading}}</h2>
{{#CONS}}<div class="consultation"><p>{{t_drafting_informal_line}}{{t_punct_colon}}<bdi>{{LABELS}}</bdi> · {{t_drafting_informal_facilitator}}{{t_punct_colon}}<bdi>{{FACILITATOR}}</bdi> ({{FMS}}) · {{t_drafting_informal_deadline}}{{t_punct_colon}}<bdi>{{DEADLINE}}</bdi> · <a href="{{P}}/meetings/{{RMID}}/agenda">{{t_drafting_informal_report_to}}</a>{{#REPORTED}} · {{t_drafting_informal_reported}}{{/REPORTED}}</p>
<h3>{{t_drafting_informal_changes}}</h3>
{{#UNCHANGED}}<p>{{t_drafting_informal_unchanged}}</p>{{/UNCHANGED}}
{{#CHANGED}}<div class="draft diff" lang="{{CLANG}}" dir="{{CDIR}}">{{#CHANGE}}<p class="provision"><span class="label"><bdi>{{LABEL}}</bdi></span> <span class="note">({{CHANGE}})</span> {{BODY_HTML:none}}</p>
{{/CHANGE}}</div>{{/CHANGED}}
{{#REPORT_FORM}}<form method="post" action="{{P}}/informal/{{IID}}/report" class="draft-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="lang" value="{{CLANG}}">
<h4>{{t_drafting_form_report}}</h4>
<p><label for="rp-item-{{IID}}">{{t_drafting_form_report_item}}</label> <input type="text" id="rp-item-{{IID}}" name="agenda_item" inputmode="numeric" size="6" required></p>
<p><label for="rp-text-{{IID}}">{{t_drafting_form_report_text}}</label><br><textarea id="rp-text-{{IID}}" name="text" rows="3" cols="60" lang="{{CLANG}}" dir="{{CDIR}}" required></textarea></p>
<p><button type="submit">{{t_drafting_form_report}}</button></p></form>{{/REPORT_FORM}}</div>
{{/CONS}}</section>{{/INFORMAL}}
{{#STATUS}}<p class="sentence" lang="{{CLANG}}" dir="{{CDIR}}">{{SENTENCE}}</p>
{{#RECORD_FORM}}<form method="post" action="{{P}}/texts/{{ID}}/record"><input type="hidden" name="csrf" value="{{CSRF}}"><p><button type="submit">{{t_drafting_form_record}}</button></p></form>{{/RECORD_FORM}}
<table class="status">
<thead><tr><th scope="col">{{t_drafting_provision}}</th><th scope="col">{{t_drafting_open_brackets}}</th><th scope="col">{{t_drafting_status_proposed_by}}</th><th scope="col">{{t_drafting_status_lacking}}</th></tr></thead>
<tbody>{{#ROW}}<tr{{#HAS_OPEN}} class="open"{{/HAS_OPEN}}><td><a href="{{P}}/texts/{{ID}}?lang={{CLANG}}#p{{PID}}"><bdi>{{LABEL}}</bdi></a></td><td>{{OPEN}}</td><td>{{PROPOSED}}</td><td{{#IS_LACKING}} class="lacking"{{/IS_LACKING}}>{{LACKING}}</td></tr>{{/ROW}}</tbody>
</table>
{{#HAS_MISSING}}<p class="note lacking">{{t_drafting_status_lacking_note}}</p>{{/HAS_MISSING}}{{/STATUS}}
{{#PROPOSE}}<form method="post" action="{{P}}/texts/{{ID}}/proposals" class="draft-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="lang" value="{{CLANG}}">
<h2>{{t_drafting_form_propose}}</h2>
<p><label for="pr-provision">{{t_drafting_provision}}</label> <select id="pr-provision" name="provision">{{#OPT}}<option value="{{PID}}">{{LABEL}}</option>{{/OPT}}</select></p>
<p><label for="pr-ms">{{t_drafting_form_member_state}}</label> <input type="text" id="pr-ms" name="member_state" value="{{MS}}" size="4" required></p>
<p><label for="pr-kind">{{t_drafting_form_kind}}</label> <select id="pr-kind" name="kind">{{#KIND}}<option value="{{K}}">{{KLABEL}}</option>{{/KIND}}</select></p>
<p><label for="pr-start">{{t_drafting_form_start}}</label> <input type="text" id="pr-start" name="start" inputmode="numeric" size="6"> <label for="pr-end">{{t_drafting_form_end}}</label> <input type="text" id="pr-end" name="end" inputmode="numeric" size="6"></p>
<p><label for="pr-text">{{t_drafting_form_words}}</label><br><textarea id="pr-text" name="text" rows="3" cols="60" lang="{{CLANG}}" dir="{{CDIR}}"></textarea></p>
<p><label for="pr-just">{{t_drafting_justification}}</label><br><textarea id="pr-just" name="justification" rows="2" cols="60" required></textarea></p>
<p><button type="submit">{{t_drafting_form_submit}}</button></p></form>{{/PROPOSE}}
{{#EDITOR}}<form method="post" action="{{P}}/texts/{{ID}}/under-discussion" class="draft-form"><input type="hidden" name="csrf" value="{{CSRF}}">
<h2>{{t_drafting_form_under_discussion}}</h2><p>{{t_drafting_form_under_discussion_note}}</p>
<p><label for="ud-provision">{{t_drafting_provision}}</label> <select id="ud-provision" name="provision"><option value="">{{t_drafting_form_screen_chooses}}</option>{{#UD}}<option value="{{PID}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/UD}}</select></p>
<p><button type="submit">{{t_drafting_form_under_discussion}}</button></p></form>
<form method="post" action="{{P}}/texts/{{ID}}/revisions" class="draft-form"><input type="hidden" name="csrf" value="{{CSRF}}">
<h2>{{t_drafting_form_revision}}</h2><p>{{t_drafting_form_revision_note}}</p><p><button type="submit">{{t_drafting_form_revision}}</button></p></form>
<form method="post" action="{{P}}/texts/{{ID}}/informal" class="draft-form"><input type="hidden" name="csrf" value="{{CSRF}}">
<h2>{{t_drafting_form_informal}}</h2>
<p><label for="in-prov">{{PROVISIONS_LABEL}}</label> <input type="text" id="in-prov" name="provisions" required></p>
<p><label for="in-fac">{{t_drafting_form_facilitator}}</label> <input type="text" id="in-fac" name="facilitator" inputmode="numeric" size="6" required> <label for="in-ms">{{t_drafting_form_member_state}}</label> <input type="text" id="in-ms" name="member_state" size="4" required></p>
<p><label for="in-meeting">{{t_drafting_form_report_to}}</label> <input type="text" id="in-meeting" name="report_to_meeting" inputmode="numeric" size="6" value="{{MID}}" required> <label for="in-deadline">{{t_drafting_form_deadline}}</label> <input type="text" id="in-deadline" name="deadline" size="10" required></p>
<p><button type="submit">{{t_drafting_form_informal}}</button></p></form>
<form method="post" action="{{P}}/texts/{{ID}}/adopt" class="draft-form"><input type="hidden" name="csrf" value="{{CSRF}}">
<h2>{{t_drafting_form_adopt}}</h2>
<p><label for="ad-meeting">{{t_drafting_form_meeting}}</label> <input type="text" id="ad-meeting" name="meeting" inputmode="numeric" size="6" value="{{MID}}" required> <label for="ad-decision">{{t_drafting_form_decision}}</label> <input type="text" id="ad-decision" name="decision" inputmode="numeric" size="6" required></p>
<p><label for="ad-resolution">{{t_drafting_form_resolution}}</label> <input type="text" id="ad-resolution" name="resolution" inputmode="numeric" size="6"></p>
<p><input type="checkbox" id="ad-confirm" name="confirm" value="yes" required> <label for="ad-confirm">{{t_drafting_form_confirm}}</label></p>
<p><button type="submit">{{t_drafting_form_adopt}}</button></p></form>{{/EDITOR}}
{{#COMPILATION}}{{#NONE}}<p>{{t_drafting_no_proposals}}</p>{{/NONE}}
{{#MS}}<h2>{{NAME}}</h2>
<ul class="proposals">{{#PROPOSAL}}<li><a href="{{P}}/texts/{{ID}}?lang={{CLANG}}#p{{PID}}"><bdi>{{LABEL}}</bdi></a> · {{KIND}} · {{STATE}}{{#HAS_WORDS}} · <bdi lang="{{PLANG}}" dir="{{PDIR}}">{{WORDS}}</bdi>{{/HAS_WORDS}}<br>{{t_drafting_justification}}{{t_punct_colon}}<bdi>{{JUSTIFICATION}}</bdi>{{#ACTIONS}}<br>{{#CAN_EDIT}}<form method="post" action="{{P}}/proposals/{{PRID}}/bracket" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{t_drafting_action_bracket}}</button></form> <form method="post" action="{{P}}/proposals/{{PRID}}/merge" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{t_drafting_action_merge}}</button></form> {{/CAN_EDIT}}<form method="post" action="{{P}}/proposals/{{PRID}}/withdraw" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{t_drafting_action_withdraw}}</button></form>{{/ACTIONS}}</li>{{/PROPOSAL}}</ul>{{/MS}}{{/COMPILATION}}
{{#DIFF}}<h2>{{HEADING}}</h2>
<div class="draft diff" lang="{{CLANG}}" dir="{{CDIR}}">{{#DPROV}}<p class="provision {{CHANGE_CLASS}}"><span class="label"><bdi>{{LABEL}}</bdi></span> <span class="note">({{CHANGE}})</span> {{BODY_HTML:none}}</p>
{{/DPROV}}</div>{{/DIFF}}
<p class="noprint downloads">{{t_doc_download}}{{t_punct_colon}}<a href="/api/v1/texts/{{ID}}/document.docx?lang={{DL_LANG}}" download>DOCX</a> · <a href="/api/v1/texts/{{ID}}/document.pdf?lang={{DL_LANG}}" download>PDF</a> · <a href="/api/v1/texts/{{ID}}/document.akn.xml?lang={{DL_LANG}}" download>Akoma Ntoso (XML)</a></p>
{{>LIFECYCLE}}
