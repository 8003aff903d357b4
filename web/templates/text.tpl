{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/meetings/{{MID}}/agenda">{{t_proc_title}}</a> · <bdi>{{DOCUMENT}}</bdi></p>
<h1{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</h1>
{{#TITLE_FALLBACK}}<p class="note">{{TITLE_NOTE}}</p>{{/TITLE_FALLBACK}}
{{>FORM_ERRORS}}
{{#ILLUSTRATIVE}}<p class="note">{{t_drafting_illustrative}}</p>{{/ILLUSTRATIVE}}
<p class="meta"><bdi>{{DOCUMENT}}</bdi> · {{STATUS_LABEL}} · {{t_drafting_version}} {{VERSION}}{{#RESOLUTION}} · <a href="{{P}}/resolutions/{{RES_INSTRUMENT}}/{{RES_NUMBER}}">{{RES_NAME}}</a>{{/RESOLUTION}}</p>
{{#TITLE_FORM}}<p><a href="{{P}}/admin/translations/text/{{ID}}">{{t_texts_edit_title_six}}</a></p>
{{/TITLE_FORM}}<nav class="tabs" aria-label="{{t_drafting_views}}">
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
{{#DRAFT_BOX}}<label class="draft-box"><input type="checkbox" id="{{DID}}" name="{{DNAME}}" value="1"{{#DCHECKED}} checked{{/DCHECKED}}> {{DLABEL}}</label>
{{/DRAFT_BOX}}<button type="submit">{{t_save}}</button></form>{{/EDIT_FORM}}
<p><a href="{{P}}/admin/translations/provision/{{PID}}">{{t_texts_edit_six}}</a></p>
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
{{#DRAFT_BOX}}<label class="draft-box"><input type="checkbox" id="{{DID}}" name="{{DNAME}}" value="1"{{#DCHECKED}} checked{{/DCHECKED}}> {{DLABEL}}</label>
{{/DRAFT_BOX}}<button type="submit">{{t_drafting_form_add}}</button></form></details>{{/ADD_PROVISION}}
{{#INFORMAL}}<section class="informal" aria-labelledby="informal-h"><h2 id="informal-h">{{t_drafting_informal_heading}}</h2>
{{#CONS}}<div class="consultation"><p>{{t_drafting_informal_line}}{{t_punct_colon}}<bdi>{{LABELS}}</bdi> · {{t_drafting_informal_facilitator}}{{t_punct_colon}}<bdi>{{FACILITATOR}}</bdi> ({{FMS}}) · {{t_drafting_informal_deadline}}{{t_punct_colon}}<bdi>{{DEADLINE}}</bdi> · <a href="{{P}}/meetings/{{RMID}}/agenda">{{t_drafting_informal_report_to}}</a>{{#REPORTED}} · {{t_drafting_informal_reported}}{{/REPORTED}}</p>
<h3>{{t_drafting_informal_changes}}</h3>
{{#UNCHANGED}}<p>{{t_drafting_informal_unchanged}}</p>{{/UNCHANGED}}
{{#CHANGED}}<div class="draft diff" lang="{{CLANG}}" dir="{{CDIR}}">{{#CHANGE}}<p class="provision"><span class="label"><bdi>{{LABEL}}</bdi></span> <span class="note">({{CHANGE}})</span> {{BODY_HTML:none}}</p>
{{/CHANGE}}</div>{{/CHANGED}}
{{#REPORT_FORM}}<form method="post" action="{{P}}/informal/{{IID}}/report" class="draft-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="lang" value="{{CLANG}}">
<h4>{{t_drafting_form_report}}</h4>
<p><label for="rp-item-{{IID}}">{{t_drafting_form_report_item}}</label> {{#E_RP_ITEM}}<p class="field-error" id="rp-item-{{IID}}-error">{{E_MSG}}</p>{{/E_RP_ITEM}}<input type="text" id="rp-item-{{IID}}" name="agenda_item" inputmode="numeric" size="6" value="{{RP_ITEM}}" required{{#E_RP_ITEM}} aria-invalid="true" aria-describedby="rp-item-{{IID}}-error"{{/E_RP_ITEM}}></p>
<p><label for="rp-text-{{IID}}">{{t_drafting_form_report_text}}</label><br>{{#E_RP_TEXT}}<p class="field-error" id="rp-text-{{IID}}-error">{{E_MSG}}</p>{{/E_RP_TEXT}}<textarea id="rp-text-{{IID}}" name="text" rows="3" cols="60" lang="{{CLANG}}" dir="{{CDIR}}" required{{#E_RP_TEXT}} aria-invalid="true" aria-describedby="rp-text-{{IID}}-error"{{/E_RP_TEXT}}>{{RP_TEXT:pre_escape}}</textarea></p>
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
<p><label for="pr-provision">{{t_drafting_provision}}</label> {{#E_pr_provision}}<p class="field-error" id="pr-provision-error">{{E_MSG}}</p>{{/E_pr_provision}}<select id="pr-provision" name="provision"{{#E_pr_provision}} aria-invalid="true" aria-describedby="pr-provision-error"{{/E_pr_provision}}>{{#OPT}}<option value="{{PID}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/OPT}}</select></p>
<p><label for="pr-ms">{{t_drafting_form_member_state}}</label> {{#E_pr_ms}}<p class="field-error" id="pr-ms-error">{{E_MSG}}</p>{{/E_pr_ms}}<input type="text" id="pr-ms" name="member_state" value="{{MS}}" size="4" required{{#E_pr_ms}} aria-invalid="true" aria-describedby="pr-ms-error"{{/E_pr_ms}}></p>
<p><label for="pr-kind">{{t_drafting_form_kind}}</label> {{#E_pr_kind}}<p class="field-error" id="pr-kind-error">{{E_MSG}}</p>{{/E_pr_kind}}<select id="pr-kind" name="kind"{{#E_pr_kind}} aria-invalid="true" aria-describedby="pr-kind-error"{{/E_pr_kind}}>{{#KIND}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{KLABEL}}</option>{{/KIND}}</select></p>
<p><label for="pr-pkind">{{t_drafting_form_provision_kind}}</label> {{#E_pr_pkind}}<p class="field-error" id="pr-pkind-error">{{E_MSG}}</p>{{/E_pr_pkind}}<select id="pr-pkind" name="provision_kind"{{#E_pr_pkind}} aria-invalid="true" aria-describedby="pr-pkind-error"{{/E_pr_pkind}}>{{#PKIND}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{KLABEL}}</option>{{/PKIND}}</select></p>
<p><label for="pr-start">{{t_drafting_form_start}}</label> {{#E_pr_start}}<p class="field-error" id="pr-start-error">{{E_MSG}}</p>{{/E_pr_start}}<input type="text" id="pr-start" name="start" inputmode="numeric" size="6" value="{{PR_START}}"{{#E_pr_start}} aria-invalid="true" aria-describedby="pr-start-error"{{/E_pr_start}}> <label for="pr-end">{{t_drafting_form_end}}</label> {{#E_pr_end}}<p class="field-error" id="pr-end-error">{{E_MSG}}</p>{{/E_pr_end}}<input type="text" id="pr-end" name="end" inputmode="numeric" size="6" value="{{PR_END}}"{{#E_pr_end}} aria-invalid="true" aria-describedby="pr-end-error"{{/E_pr_end}}></p>
<p><label for="pr-text">{{t_drafting_form_words}}</label><br>{{#E_pr_text}}<p class="field-error" id="pr-text-error">{{E_MSG}}</p>{{/E_pr_text}}<textarea id="pr-text" name="text" rows="3" cols="60" lang="{{CLANG}}" dir="{{CDIR}}"{{#E_pr_text}} aria-invalid="true" aria-describedby="pr-text-error"{{/E_pr_text}}>{{PR_TEXT:pre_escape}}</textarea></p>
<p><label for="pr-just">{{t_drafting_justification}}</label><br>{{#E_pr_just}}<p class="field-error" id="pr-just-error">{{E_MSG}}</p>{{/E_pr_just}}<textarea id="pr-just" name="justification" rows="2" cols="60" required{{#E_pr_just}} aria-invalid="true" aria-describedby="pr-just-error"{{/E_pr_just}}>{{PR_JUSTIFICATION:pre_escape}}</textarea></p>
<p><button type="submit">{{t_drafting_form_submit}}</button></p></form>{{/PROPOSE}}
{{#EDITOR}}<form method="post" action="{{P}}/texts/{{ID}}/under-discussion" class="draft-form"><input type="hidden" name="csrf" value="{{CSRF}}">
<h2>{{t_drafting_form_under_discussion}}</h2><p>{{t_drafting_form_under_discussion_note}}</p>
<p><label for="ud-provision">{{t_drafting_provision}}</label> {{#E_ud_provision}}<p class="field-error" id="ud-provision-error">{{E_MSG}}</p>{{/E_ud_provision}}<select id="ud-provision" name="provision"{{#E_ud_provision}} aria-invalid="true" aria-describedby="ud-provision-error"{{/E_ud_provision}}><option value="">{{t_drafting_form_screen_chooses}}</option>{{#UD}}<option value="{{PID}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/UD}}</select></p>
<p><button type="submit">{{t_drafting_form_under_discussion}}</button></p></form>
<form method="post" action="{{P}}/texts/{{ID}}/revisions" class="draft-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<h2>{{t_drafting_form_revision}}</h2><p>{{t_drafting_form_revision_note}}</p><p><button type="submit">{{t_drafting_form_revision}}</button></p></form>
<form method="post" action="{{P}}/texts/{{ID}}/informal" class="draft-form"><input type="hidden" name="csrf" value="{{CSRF}}">
<h2>{{t_drafting_form_informal}}</h2>
<p><label for="in-prov">{{PROVISIONS_LABEL}}</label> {{#E_in_prov}}<p class="field-error" id="in-prov-error">{{E_MSG}}</p>{{/E_in_prov}}<input type="text" id="in-prov" name="provisions" value="{{IN_PROV}}" required{{#E_in_prov}} aria-invalid="true" aria-describedby="in-prov-error"{{/E_in_prov}}></p>
<p><label for="in-fac">{{t_drafting_form_facilitator}}</label> {{#E_in_fac}}<p class="field-error" id="in-fac-error">{{E_MSG}}</p>{{/E_in_fac}}<input type="text" id="in-fac" name="facilitator" inputmode="numeric" size="6" value="{{IN_FAC}}" required{{#E_in_fac}} aria-invalid="true" aria-describedby="in-fac-error"{{/E_in_fac}}> <label for="in-ms">{{t_drafting_form_member_state}}</label> {{#E_in_ms}}<p class="field-error" id="in-ms-error">{{E_MSG}}</p>{{/E_in_ms}}<input type="text" id="in-ms" name="member_state" size="4" value="{{IN_MS}}" required{{#E_in_ms}} aria-invalid="true" aria-describedby="in-ms-error"{{/E_in_ms}}></p>
<p><label for="in-meeting">{{t_drafting_form_report_to}}</label> {{#E_in_meeting}}<p class="field-error" id="in-meeting-error">{{E_MSG}}</p>{{/E_in_meeting}}<input type="text" id="in-meeting" name="report_to_meeting" inputmode="numeric" size="6" value="{{IN_MEETING}}" required{{#E_in_meeting}} aria-invalid="true" aria-describedby="in-meeting-error"{{/E_in_meeting}}> <label for="in-deadline">{{t_drafting_form_deadline}}</label> {{#E_in_deadline}}<p class="field-error" id="in-deadline-error">{{E_MSG}}</p>{{/E_in_deadline}}<input type="text" id="in-deadline" name="deadline" size="10" value="{{IN_DEADLINE}}" required{{#E_in_deadline}} aria-invalid="true" aria-describedby="in-deadline-error"{{/E_in_deadline}}></p>
<p><button type="submit">{{t_drafting_form_informal}}</button></p></form>
<form method="post" action="{{P}}/texts/{{ID}}/adopt" class="draft-form"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<h2>{{t_drafting_form_adopt}}</h2>
<p><label for="ad-meeting">{{t_drafting_form_meeting}}</label> {{#E_ad_meeting}}<p class="field-error" id="ad-meeting-error">{{E_MSG}}</p>{{/E_ad_meeting}}<input type="text" id="ad-meeting" name="meeting" inputmode="numeric" size="6" value="{{AD_MEETING}}" required{{#E_ad_meeting}} aria-invalid="true" aria-describedby="ad-meeting-error"{{/E_ad_meeting}}> <label for="ad-decision">{{t_drafting_form_decision}}</label> {{#E_ad_decision}}<p class="field-error" id="ad-decision-error">{{E_MSG}}</p>{{/E_ad_decision}}<input type="text" id="ad-decision" name="decision" inputmode="numeric" size="6" value="{{AD_DECISION}}" required{{#E_ad_decision}} aria-invalid="true" aria-describedby="ad-decision-error"{{/E_ad_decision}}></p>
<p><label for="ad-resolution">{{t_drafting_form_resolution}}</label> {{#E_ad_resolution}}<p class="field-error" id="ad-resolution-error">{{E_MSG}}</p>{{/E_ad_resolution}}<input type="text" id="ad-resolution" name="resolution" inputmode="numeric" size="6" value="{{AD_RESOLUTION}}"{{#E_ad_resolution}} aria-invalid="true" aria-describedby="ad-resolution-error"{{/E_ad_resolution}}></p>
{{#E_ad_confirm}}<p class="field-error" id="ad-confirm-error">{{E_MSG}}</p>{{/E_ad_confirm}}<p><input type="checkbox" id="ad-confirm" name="confirm" value="yes" required{{#E_ad_confirm}} aria-invalid="true" aria-describedby="ad-confirm-error"{{/E_ad_confirm}}> <label for="ad-confirm">{{t_drafting_form_confirm}}</label></p>
<p><button type="submit">{{t_drafting_form_adopt}}</button></p></form>{{/EDITOR}}
{{#COMPILATION}}{{#NONE}}<p>{{t_drafting_no_proposals}}</p>{{/NONE}}
{{#MS}}<h2>{{NAME}}</h2>
<ul class="proposals">{{#PROPOSAL}}<li><a href="{{P}}/texts/{{ID}}?lang={{CLANG}}#p{{PID}}"><bdi>{{LABEL}}</bdi></a> · {{KIND}} · {{STATE}}{{#HAS_WORDS}} · <bdi lang="{{PLANG}}" dir="{{PDIR}}">{{WORDS}}</bdi>{{/HAS_WORDS}}<br>{{t_drafting_justification}}{{t_punct_colon}}<bdi>{{JUSTIFICATION}}</bdi>{{#ACTIONS}}<br>{{#CAN_EDIT}}<form method="post" action="{{P}}/proposals/{{PRID}}/bracket" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{t_drafting_action_bracket}}</button></form> <form method="post" action="{{P}}/proposals/{{PRID}}/merge" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{t_drafting_action_merge}}</button></form> {{/CAN_EDIT}}<form method="post" action="{{P}}/proposals/{{PRID}}/withdraw" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{t_drafting_action_withdraw}}</button></form>{{/ACTIONS}}</li>{{/PROPOSAL}}</ul>{{/MS}}{{/COMPILATION}}
{{#DIFF}}<h2>{{HEADING}}</h2>
<div class="draft diff" lang="{{CLANG}}" dir="{{CDIR}}">{{#DPROV}}<p class="provision {{CHANGE_CLASS}}"><span class="label"><bdi>{{LABEL}}</bdi></span> <span class="note">({{CHANGE}})</span> {{BODY_HTML:none}}</p>
{{/DPROV}}</div>{{/DIFF}}
<p class="noprint downloads">{{t_doc_download}}{{t_punct_colon}}<a href="/api/v1/texts/{{ID}}/document.docx?lang={{DL_LANG}}" download>DOCX</a> · <a href="/api/v1/texts/{{ID}}/document.pdf?lang={{DL_LANG}}" download>PDF</a> · <a href="/api/v1/texts/{{ID}}/document.akn.xml?lang={{DL_LANG}}" download>Akoma Ntoso (XML)</a></p>
{{>LIFECYCLE}}
