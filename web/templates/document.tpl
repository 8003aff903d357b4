{{%AUTOESCAPE context="HTML"}}
<p class="crumbs">{{#BODY}}<a href="{{P}}/bodies/{{BODY_KEY}}"><bdi class="sym">{{BODY_ACRONYM}}</bdi></a> › {{/BODY}}<a href="{{P}}/documents">{{t_doc_documents_title}}</a></p>
<p class="reference"><bdi class="sym">{{SYMBOL}}</bdi>{{#HAS_AMENDS}} · {{AMENDS}}{{/HAS_AMENDS}}</p>
<h1{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</h1>
{{#TITLE_FALLBACK}}<p class="note fallback">{{TITLE_NOTE}}</p>{{/TITLE_FALLBACK}}
{{#ILLUSTRATIVE}}<p class="note">{{t_doc_illustrative_note}}</p>{{/ILLUSTRATIVE}}
{{#RESTRICTED}}<p class="notice">{{RESTRICTED_NOTE}}</p>{{/RESTRICTED}}
{{#HAS_DONE}}<p class="notice" role="status">{{DONE}}</p>{{/HAS_DONE}}
<p><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></p>
<dl class="facts">
<dt>{{t_col_symbol}}</dt><dd><bdi class="sym">{{SYMBOL}}</bdi></dd>
<dt>{{t_col_date}}</dt><dd><time datetime="{{DATE_ISO}}">{{DATE}}</time></dd>
{{#BODY}}<dt>{{t_col_body}}</dt><dd><a href="{{P}}/bodies/{{BODY_KEY}}"><bdi class="sym">{{BODY_ACRONYM}}</bdi></a></dd>{{/BODY}}
<dt>{{t_col_source}}</dt><dd><span{{#SOURCE_FALLBACK}} lang="{{SOURCE_LANG}}"{{/SOURCE_FALLBACK}} dir="{{SOURCE_DIR}}">{{SOURCE_HTML:none}}</span>{{#SOURCE_KIND}} <span class="meta">({{SOURCE_KIND_LABEL}})</span>{{/SOURCE_KIND}}</dd>
<dt>{{t_doc_access}}</dt><dd>{{ACCESS_LABEL}}</dd>
</dl>
{{#SUMMARY}}<section aria-labelledby="sum-h"><h2 id="sum-h">{{t_doc_summary}}</h2><div class="description"{{#SUM_FALLBACK}} lang="{{SUM_LANG}}"{{/SUM_FALLBACK}} dir="{{SUM_DIR}}">{{SUM_HTML:none}}</div>{{#SUM_FALLBACK}}<p class="note fallback">{{SUM_NOTE}}</p>{{/SUM_FALLBACK}}</section>{{/SUMMARY}}
{{#RELATIONS}}<section aria-labelledby="rel-h"><h2 id="rel-h">{{t_doc_relations}}</h2><ul>
{{#REL}}<li>{{REL_LABEL}} <a href="{{P}}/documents/{{REL_ID}}"><bdi class="sym">{{REL_SYMBOL}}</bdi></a></li>{{/REL}}
</ul></section>{{/RELATIONS}}
{{#CITES}}<section aria-labelledby="cites-h"><h2 id="cites-h">{{t_doc_cites}}</h2><ul class="cites">
{{#CITE}}<li>{{#CITE_LINK}}<a href="{{P}}{{CITE_URL}}"><bdi>{{CITE_LABEL}}</bdi></a>{{/CITE_LINK}}{{#CITE_PLAIN}}<bdi>{{CITE_LABEL}}</bdi>{{/CITE_PLAIN}}</li>{{/CITE}}
</ul></section>{{/CITES}}
<section aria-labelledby="files-h"><h2 id="files-h">{{t_doc_files}}</h2>
{{#NO_FILES}}<p>{{t_doc_no_files}}</p>{{/NO_FILES}}
<ul>
{{#FILES}}<li><a href="/documents/{{ID}}/files/{{FILE_LANG}}" lang="{{FILE_LANG}}" hreflang="{{FILE_LANG}}" download="{{FILE_NAME}}">{{FILE_LANG_NAME}}</a> <span class="meta">{{FILE_TYPE}}{{t_punct_comma}}{{FILE_SIZE}}</span></li>{{/FILES}}
</ul>
{{#EDIT}}<form method="post" action="{{P}}/documents/{{ID}}/edit" class="stack">
{{>FORM_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>{{t_doc_edit}}</legend>
<label for="ed-lang">{{t_proc_text_lang}}</label>
{{#E_ed_lang}}<p class="field-error" id="ed-lang-error">{{E_MSG}}</p>{{/E_ed_lang}}<select id="ed-lang" name="text_lang"{{#E_ed_lang}} aria-invalid="true" aria-describedby="ed-lang-error"{{/E_ed_lang}}>{{#ED_LANGUAGES}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/ED_LANGUAGES}}</select>
<label for="ed-title">{{t_doc_col_title}}</label>
{{#E_ed_title}}<p class="field-error" id="ed-title-error">{{E_MSG}}</p>{{/E_ed_title}}<input id="ed-title" type="text" name="title" maxlength="500" value="{{ED_TITLE}}"{{#E_ed_title}} aria-invalid="true" aria-describedby="ed-title-error"{{/E_ed_title}}>
<label for="ed-summary">{{t_doc_summary}}</label>
{{#E_ed_summary}}<p class="field-error" id="ed-summary-error">{{E_MSG}}</p>{{/E_ed_summary}}<textarea id="ed-summary" name="summary" rows="4"{{#E_ed_summary}} aria-invalid="true" aria-describedby="ed-summary-error"{{/E_ed_summary}}>{{ED_SUMMARY:pre_escape}}</textarea>
<label class="draft-box"><input type="checkbox" name="draft" value="1"{{#ED_DRAFT}} checked{{/ED_DRAFT}}> {{t_text_state_this_draft}}</label>
<label for="ed-source">{{t_doc_source}}</label>
{{#E_ed_source}}<p class="field-error" id="ed-source-error">{{E_MSG}}</p>{{/E_ed_source}}<input id="ed-source" type="text" name="source" maxlength="300" dir="auto" value="{{ED_SOURCE}}" aria-describedby="ed-source-help{{#E_ed_source}} ed-source-error{{/E_ed_source}}"{{#E_ed_source}} aria-invalid="true"{{/E_ed_source}}>
<p id="ed-source-help" class="help">{{t_doc_source_help}}</p>
<label for="ed-source-kind">{{t_doc_source_kind}}</label>
{{#E_ed_source_kind}}<p class="field-error" id="ed-source-kind-error">{{E_MSG}}</p>{{/E_ed_source_kind}}<select id="ed-source-kind" name="source_kind"{{#E_ed_source_kind}} aria-invalid="true" aria-describedby="ed-source-kind-error"{{/E_ed_source_kind}}>{{#ED_SOURCE_KINDS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ED_SOURCE_KINDS}}</select>
<label for="ed-date">{{t_col_date}}</label>
{{#E_ed_date}}<p class="field-error" id="ed-date-error">{{E_MSG}}</p>{{/E_ed_date}}<input id="ed-date" type="date" name="date" value="{{ED_DATE}}" required dir="ltr"{{#E_ed_date}} aria-invalid="true" aria-describedby="ed-date-error"{{/E_ed_date}}>
<label for="ed-access">{{t_doc_access}}</label>
{{#E_ed_access}}<p class="field-error" id="ed-access-error">{{E_MSG}}</p>{{/E_ed_access}}<select id="ed-access" name="access"{{#E_ed_access}} aria-invalid="true" aria-describedby="ed-access-error"{{/E_ed_access}}>{{#ED_ACCESS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ED_ACCESS}}</select>
<label for="ed-status">{{t_col_status}}</label>
{{#E_ed_status}}<p class="field-error" id="ed-status-error">{{E_MSG}}</p>{{/E_ed_status}}<select id="ed-status" name="status"{{#E_ed_status}} aria-invalid="true" aria-describedby="ed-status-error"{{/E_ed_status}}>{{#ED_STATUS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ED_STATUS}}</select>
</fieldset>
<button type="submit">{{t_proc_save}}</button>
</form>{{/EDIT}}
{{#UPLOAD}}<form method="post" action="{{P}}/documents/{{ID}}/files" enctype="multipart/form-data" class="stack">
{{>FORM_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>{{t_doc_upload}}</legend>
<label for="up-language">{{t_doc_upload_language}}</label>
{{#E_up_language}}<p class="field-error" id="up-language-error">{{E_MSG}}</p>{{/E_up_language}}<select id="up-language" name="language"{{#E_up_language}} aria-invalid="true" aria-describedby="up-language-error"{{/E_up_language}}>{{#UP_LANGUAGES}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/UP_LANGUAGES}}</select>
<label for="up-file">{{t_doc_upload_file}}</label>
{{#E_up_file}}<p class="field-error" id="up-file-error">{{E_MSG}}</p>{{/E_up_file}}<input id="up-file" name="file" type="file" required accept=".pdf,.docx,.odt,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,text/plain" data-max-bytes="{{MAX_FILE_BYTES}}" data-size-message="{{FILE_SIZE_MESSAGE}}" data-type-message="{{FILE_TYPE_MESSAGE}}" data-summary-title="{{t_form_errors_title}}" aria-describedby="up-help{{#E_up_file}} up-file-error{{/E_up_file}}"{{#E_up_file}} aria-invalid="true"{{/E_up_file}}>
<p id="up-help" class="help">{{UPLOAD_HELP}}</p>
</fieldset>
<button type="submit">{{t_doc_upload_button}}</button>
</form>{{/UPLOAD}}
</section>
<section aria-labelledby="cited-h"><h2 id="cited-h">{{t_doc_cited_by}}</h2>
{{#NO_CITED_BY}}<p>{{t_doc_cited_by_none}}</p>{{/NO_CITED_BY}}
<ul class="cited-by">
{{#CITED_BY}}<li><span class="meta">{{CB_KIND_LABEL}}</span> <a href="{{P}}{{CB_URL}}"{{#CB_LINK_FALLBACK}} lang="{{CB_LINK_LANG}}"{{/CB_LINK_FALLBACK}} dir="{{CB_LINK_DIR}}">{{CB_LINK_HTML:none}}</a>{{#CB_DETAIL}} <span{{#CB_TITLE_FALLBACK}} lang="{{CB_TITLE_LANG}}"{{/CB_TITLE_FALLBACK}} dir="{{CB_TITLE_DIR}}">{{CB_TITLE_HTML:none}}</span>{{/CB_DETAIL}} — <q{{#CB_TEXT_FALLBACK}} lang="{{CB_TEXT_LANG}}"{{/CB_TEXT_FALLBACK}} dir="{{CB_TEXT_DIR}}">{{CB_TEXT_HTML:none}}</q></li>{{/CITED_BY}}
</ul></section>
<p class="meta"><a href="/api/v1/documents/{{ID}}">JSON</a></p>
