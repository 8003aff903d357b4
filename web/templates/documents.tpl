{{%AUTOESCAPE context="HTML"}}
<h1>{{t_doc_documents_title}}</h1>
<p>{{t_doc_documents_lead}}</p>
<form method="get" action="{{P}}/documents" class="search" role="search">
<label for="doc-body">{{t_col_body}}</label>
<select id="doc-body" name="body"><option value="">{{t_doc_all_bodies}}</option>{{#BODIES}}<option value="{{KEY}}"{{#SEL}} selected{{/SEL}}>{{ACRONYM}}</option>{{/BODIES}}</select>
<label for="doc-q">{{t_doc_symbol_prefix}}</label>
<input id="doc-q" name="q" type="search" value="{{Q}}" maxlength="200" placeholder="C22/3" dir="ltr">
<button type="submit">{{t_doc_filter}}</button>
</form>
{{#HAS_ERROR}}<p class="error" role="alert">{{ERROR}}</p>{{/HAS_ERROR}}
{{#NONE}}<p>{{t_doc_none}}</p>{{/NONE}}
{{#TABLE}}<div class="table-scroll"><table>
<thead><tr><th scope="col">{{t_col_symbol}}</th><th scope="col">{{t_doc_col_title}}</th><th scope="col">{{t_col_date}}</th><th scope="col">{{t_col_source}}</th><th scope="col">{{t_col_status}}</th><th scope="col">{{t_doc_col_languages}}</th></tr></thead>
<tbody>
{{#ITEMS}}<tr><td><a href="{{P}}/documents/{{ID}}"><bdi class="sym">{{SYMBOL}}</bdi></a></td><td><span{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</span>{{#RESTRICTED}} <span class="status status-restricted">{{ACCESS_LABEL}}</span>{{/RESTRICTED}}</td><td><time datetime="{{DATE_ISO}}">{{DATE}}</time></td><td{{#SOURCE_FALLBACK}} lang="{{SOURCE_LANG}}"{{/SOURCE_FALLBACK}} dir="{{SOURCE_DIR}}">{{SOURCE_HTML:none}}</td><td><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></td><td>{{#LANGS}}<a href="/documents/{{ID}}/files/{{FILE_LANG}}" lang="{{FILE_LANG}}" hreflang="{{FILE_LANG}}">{{FILE_LANG_NAME}}</a> {{/LANGS}}</td></tr>{{/ITEMS}}
</tbody>
</table></div>{{/TABLE}}
<p><a href="{{P}}/resolutions">{{t_res_title}}</a></p>
