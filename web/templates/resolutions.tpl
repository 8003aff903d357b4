{{%AUTOESCAPE context="HTML"}}
<h1>{{t_res_title}}</h1>
<p>{{t_res_lead}}</p>
<form method="get" action="{{P}}/resolutions" class="search" role="search">
<label for="res-instrument">{{t_res_adopted_by}}</label>
<select id="res-instrument" name="instrument"><option value="">{{t_res_all_instruments}}</option>{{#INSTRUMENTS}}<option value="{{KEY}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/INSTRUMENTS}}</select>
<button type="submit">{{t_doc_filter}}</button>
</form>
{{#HAS_ERROR}}<p class="error" role="alert">{{ERROR}}</p>{{/HAS_ERROR}}
{{#NONE}}<p>{{t_res_none}}</p>{{/NONE}}
{{#GROUPS}}<section aria-labelledby="g-{{GROUP_KEY}}"><h2 id="g-{{GROUP_KEY}}">{{GROUP_LABEL}}</h2>
<div class="table-scroll"><table>
<thead><tr><th scope="col">{{t_res_col_resolution}}</th><th scope="col">{{t_doc_col_title}}</th><th scope="col">{{t_res_col_version}}</th><th scope="col">{{t_col_status}}</th></tr></thead>
<tbody>
{{#ITEMS}}<tr><td><a href="{{P}}/resolutions/{{INSTRUMENT}}/{{NUMBER}}">{{NAME}}</a></td><td><span{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</span></td><td>{{VERSION_HTML:none}}</td><td><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></td></tr>{{/ITEMS}}
</tbody>
</table></div></section>{{/GROUPS}}
<p><a href="{{P}}/documents">{{t_doc_documents_title}}</a></p>
